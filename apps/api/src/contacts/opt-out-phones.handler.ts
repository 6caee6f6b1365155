import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MAX_PHONES_PER_OPT_OUT, optOutDecider, optOutStream } from '@textbank/domain';
import { eventIdFor } from '@textbank/event-store';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { OptOutPhonesCommand } from './opt-out-phones.command.js';

/** Numbers onto the organization's opt-out list, a thousand an event (an imported list may hold millions). */
@CommandHandler(OptOutPhonesCommand)
export class OptOutPhonesHandler implements ICommandHandler<OptOutPhonesCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ organizationId, phones, source, envelope, note }: OptOutPhonesCommand): Promise<CommandOutcome> {
    let outcome: CommandOutcome = { ok: false, rejection: { code: 'invalid', message: 'No numbers to opt out', field: 'phones' } };
    const size = Math.min(1_000, MAX_PHONES_PER_OPT_OUT);
    for (let start = 0, part = 0; start < phones.length; start += size, part++) {
      outcome = await this.executor.execute({
        stream: optOutStream(organizationId),
        decider: optOutDecider,
        command: { type: 'OptOutPhones', organizationId, phones: phones.slice(start, start + size), source, ...(note && { note }), now: envelope.now.toISOString() },
        envelope: part === 0 ? envelope : { ...envelope, commandId: eventIdFor(envelope.commandId, part), keyed: false },
      });
      if (!outcome.ok) return outcome;
    }
    return outcome;
  }
}
