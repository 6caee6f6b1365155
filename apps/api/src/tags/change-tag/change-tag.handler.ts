import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { tagsDecider, tagsStream } from '@textbank/domain';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { ChangeTagCommand } from './change-tag.command.js';

/** Rename, recolour, regroup. The editor's revision is the tag's own, checked by the decider (not the stream's: other tags may change meanwhile). */
@CommandHandler(ChangeTagCommand)
export class ChangeTagHandler implements ICommandHandler<ChangeTagCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ tagId, organizationId, request, envelope }: ChangeTagCommand): Promise<CommandOutcome> {
    const { expectedRevision, ...changes } = request;
    return this.executor.execute({
      stream: tagsStream(organizationId),
      decider: tagsDecider,
      command: { type: 'ChangeTag', tagId, ...changes, expectedVersion: expectedRevision, now: envelope.now.toISOString() },
      envelope,
    });
  }
}
