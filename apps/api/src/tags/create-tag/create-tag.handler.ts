import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { tagsDecider, tagsStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { CreateTagCommand } from './create-tag.command.js';

/** Two admins creating "Wrong number" at once: both decide on the tags stream, one append wins, the other re-decides and is refused. */
@CommandHandler(CreateTagCommand)
export class CreateTagHandler implements ICommandHandler<CreateTagCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ tagId, organizationId, request, envelope }: CreateTagCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: tagsStream(organizationId),
      decider: tagsDecider,
      command: { type: 'CreateTag', tagId, organizationId, ...request, now: envelope.now.toISOString() },
      envelope,
    });
  }
}
