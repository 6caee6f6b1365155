import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inviteDecider, inviteStream } from '@textbank/domain';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { RevokeInviteCommand } from './invite.commands.js';

@CommandHandler(RevokeInviteCommand)
export class RevokeInviteHandler implements ICommandHandler<RevokeInviteCommand, CommandOutcome> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ inviteId, envelope }: RevokeInviteCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: inviteStream(inviteId),
      decider: inviteDecider,
      command: { type: 'RevokeInvite', inviteId, now: envelope.now.toISOString() },
      envelope,
    });
  }
}
