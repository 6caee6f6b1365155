import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inviteDecider, inviteStream } from '@textbank/domain';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { CreateInviteCommand } from './invite.commands.js';
import { InviteTokens } from './invite-tokens.js';

const DEFAULT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteOutcome = CommandOutcome & { readonly token?: string };

/** The token is stored first: if recording the invite fails, an unknown hash is left, which opens nothing. */
@CommandHandler(CreateInviteCommand)
export class CreateInviteHandler implements ICommandHandler<CreateInviteCommand, InviteOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly tokens: InviteTokens,
  ) {}

  async execute({ inviteId, organizationId, request, envelope }: CreateInviteCommand): Promise<InviteOutcome> {
    const now = envelope.now;
    const expiresAt = request.expiresAt ? new Date(request.expiresAt).toISOString() : new Date(now.getTime() + DEFAULT_LIFETIME_MS).toISOString();
    const maxUses = request.kind === 'volunteer' ? request.maxUses : 1;
    const token = this.tokens.create(inviteId, maxUses);
    const outcome = await this.executor.execute({
      stream: inviteStream(inviteId),
      decider: inviteDecider,
      command: {
        type: 'CreateInvite',
        invite: {
          inviteId,
          organizationId,
          kind: request.kind,
          role: request.kind === 'volunteer' ? 'volunteer' : request.role,
          expiresAt,
          ...(request.kind === 'named' && { email: request.email }),
          ...(request.kind === 'volunteer' && request.campaignId && { campaignId: request.campaignId }),
          ...(maxUses !== undefined && { maxUses }),
        },
        now: now.toISOString(),
      },
      envelope,
    });
    return outcome.ok ? { ...outcome, token } : outcome;
  }
}
