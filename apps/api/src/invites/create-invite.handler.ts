import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { campaignStream, inviteDecider, inviteStream } from '@textbank/domain';
import type { EventStore } from '@textbank/event-store';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { CreateInviteCommand } from './invite.commands.js';
import { firstEventOf } from '../infrastructure/first-event.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { InviteTokens } from './invite-tokens.js';

const DEFAULT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteOutcome = CommandOutcome & { readonly token?: string };

/** The token is stored first: if recording the invite fails, an unknown hash is left, which opens nothing. */
@CommandHandler(CreateInviteCommand)
export class CreateInviteHandler implements ICommandHandler<CreateInviteCommand, InviteOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly tokens: InviteTokens,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ inviteId, organizationId, request, envelope }: CreateInviteCommand): Promise<InviteOutcome> {
    const now = envelope.now;
    const expiresAt = request.expiresAt ? new Date(request.expiresAt).toISOString() : new Date(now.getTime() + DEFAULT_LIFETIME_MS).toISOString();
    const maxUses = request.kind === 'volunteer' ? request.maxUses : 1;
    if (request.kind === 'volunteer' && request.campaignId && !(await this.campaignExists(request.campaignId))) {
      return { ok: false, rejection: { code: 'invalid', message: 'There is no campaign with this id', field: 'campaignId' } };
    }
    const token = this.tokens.create(inviteId, maxUses, { keep: request.kind === 'volunteer' });
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
          ...(request.kind === 'volunteer' && request.label && { label: request.label }),
          ...(maxUses !== undefined && { maxUses }),
        },
        now: now.toISOString(),
      },
      envelope,
    });
    return outcome.ok ? { ...outcome, token } : outcome;
  }

  /** Campaigns are never deleted, so a campaign that exists in the log now always will. */
  private async campaignExists(campaignId: string): Promise<boolean> {
    return (await firstEventOf(this.store, campaignStream(campaignId))) !== undefined;
  }
}
