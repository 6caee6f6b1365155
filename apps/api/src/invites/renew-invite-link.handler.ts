import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inviteDecider, inviteStream } from '@textbank/domain';
import { CommandExecutor } from '../commands/command-executor.js';
import { RenewInviteLinkCommand } from './invite.commands.js';
import type { InviteOutcome } from './create-invite.handler.js';
import { InviteTokens } from './invite-tokens.js';

/** Recorded first, then the secret replaced: a refused renewal (revoked, expired) leaves the link as it was. */
@CommandHandler(RenewInviteLinkCommand)
export class RenewInviteLinkHandler implements ICommandHandler<RenewInviteLinkCommand, InviteOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly tokens: InviteTokens,
  ) {}

  async execute({ inviteId, envelope }: RenewInviteLinkCommand): Promise<InviteOutcome> {
    const outcome = await this.executor.execute({
      stream: inviteStream(inviteId),
      decider: inviteDecider,
      command: { type: 'RenewInviteLink', inviteId, now: envelope.now.toISOString() },
      envelope,
    });
    if (!outcome.ok) return outcome;
    const token = this.tokens.renew(inviteId);
    return token ? { ...outcome, token } : { ok: false, rejection: { code: 'not_found', message: 'No such invite link' } };
  }
}
