import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { tagsDecider, tagsStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { ArchiveTagCommand } from './archive-tag.command.js';

/** Tags are archived, never deleted: conversations keep pointing at them. */
@CommandHandler(ArchiveTagCommand)
export class ArchiveTagHandler implements ICommandHandler<ArchiveTagCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ tagId, organizationId, request, envelope }: ArchiveTagCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: tagsStream(organizationId),
      decider: tagsDecider,
      command: {
        type: 'ArchiveTag',
        tagId,
        ...(request.expectedRevision !== undefined && { expectedVersion: request.expectedRevision }),
        now: envelope.now.toISOString(),
      },
      envelope,
    });
  }
}
