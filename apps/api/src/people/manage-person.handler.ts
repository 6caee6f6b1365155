import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStream } from '@textbank/domain';
import { Sessions } from '../auth/sessions.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { ManagePersonCommand } from './manage-person.command.js';

@CommandHandler(ManagePersonCommand)
export class ManagePersonHandler implements ICommandHandler<ManagePersonCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly sessions: Sessions,
  ) {}

  async execute({ command, envelope, expectedRevision }: ManagePersonCommand): Promise<CommandOutcome> {
    const outcome = await this.executor.execute({
      stream: personStream(command.personId),
      decider: personDecider,
      command,
      envelope,
      ...(expectedRevision !== undefined && { expectedRevision }),
    });
    // Suspension ends every session at once; sockets are cut by the gateway when the change is projected.
    if (outcome.ok && command.type === 'SuspendPerson') this.sessions.endAllFor(command.personId);
    return outcome;
  }
}
