import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStream } from '@textbank/domain';
import { Credentials } from '../auth/credentials.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { ChangeEmailCommand } from './password-reset.commands.js';

/** The new address is reserved first (unique among members), then recorded; a refusal puts the old one back. */
@CommandHandler(ChangeEmailCommand)
export class ChangeEmailHandler implements ICommandHandler<ChangeEmailCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly credentials: Credentials,
  ) {}

  async execute({ personId, email, envelope }: ChangeEmailCommand): Promise<CommandOutcome> {
    const reserved = this.credentials.reserveNewEmail(personId, email, envelope.now.getTime());
    if (!reserved.ok) {
      return reserved.reason === 'unknown'
        ? { ok: false, rejection: { code: 'not_found', message: 'No such person' } }
        : { ok: false, rejection: { code: 'conflict', message: 'Someone else already uses that email', field: 'email' } };
    }
    let outcome: CommandOutcome | undefined;
    try {
      outcome = await this.executor.execute({
        stream: personStream(personId),
        decider: personDecider,
        command: { type: 'ChangeEmail', personId, email, now: envelope.now.toISOString() },
        envelope,
      });
      return outcome;
    } finally {
      if (!outcome?.ok) reserved.undo();
    }
  }
}
