import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStream } from '@textbank/domain';
import { findOrganization } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { Inject } from '@nestjs/common';
import { Credentials } from '../auth/credentials.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { AUTH_DB, READ_MODEL_DB } from '../infrastructure/tokens.js';

/** Rolls the reservation transaction back when the link is used up. */
const USED_UP = new Error('invite used up');
import { JoinThroughInviteCommand } from './invite.commands.js';
import { InviteLookup } from './invite-lookup.js';
import { InviteTokens } from './invite-tokens.js';

/**
 * A newcomer joins through a link. The email and one use of the link are
 * reserved in auth.db first (atomic, so a crowd cannot exceed a limit or share
 * an address), then PersonJoined is recorded in the person's own stream, so
 * 500 people joining at once never contend on one stream. A refused join
 * gives both reservations back.
 */
@CommandHandler(JoinThroughInviteCommand)
export class JoinThroughInviteHandler implements ICommandHandler<JoinThroughInviteCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly lookup: InviteLookup,
    private readonly tokens: InviteTokens,
    private readonly credentials: Credentials,
    private readonly hasher: PasswordHasher,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(AUTH_DB) private readonly auth: Database.Database,
  ) {}

  async execute({ token, personId, request, envelope }: JoinThroughInviteCommand): Promise<CommandOutcome> {
    const found = await this.lookup.open(token, envelope.now);
    if (!found.ok) return found;
    const { invite } = found;
    if (invite.email !== null && invite.email !== request.email) {
      return { ok: false, rejection: { code: 'invalid', message: `This invite is for ${invite.email}`, field: 'email' } };
    }
    const organization = findOrganization(this.readModels)!;
    const passwordHash = await this.hasher.hash(request.password);
    // The hash took a while: the maker may have lost their standing meanwhile. Ask again, just before recording.
    const still = await this.lookup.open(token, envelope.now);
    if (!still.ok) return still;
    // Email and one use, reserved together in one transaction (one fsync), or neither.
    const reservation = this.auth.transaction((): 'reserved' | 'email-taken' | 'used-up' => {
      if (!this.credentials.reserve(personId, request.email, passwordHash).ok) return 'email-taken';
      if (this.tokens.claimUse(invite.id)) return 'reserved';
      throw USED_UP;
    });
    let reserved: ReturnType<typeof reservation>;
    try {
      reserved = reservation.immediate();
    } catch (error) {
      if (error !== USED_UP) throw error;
      reserved = 'used-up';
    }
    if (reserved === 'email-taken') return { ok: false, rejection: { code: 'conflict', message: 'Someone has already joined with that email; sign in instead', field: 'email' } };
    if (reserved === 'used-up') return { ok: false, rejection: { code: 'gone', message: 'This invite link has been used as many times as it allows. Ask your organizer for a new one.' } };
    let outcome: CommandOutcome | undefined;
    try {
      outcome = await this.executor.execute({
        stream: personStream(personId),
        decider: personDecider,
        command: {
          type: 'JoinOrganization',
          personId,
          organizationId: organization.id,
          name: request.name,
          email: request.email,
          role: invite.role,
          inviteId: invite.id,
          now: envelope.now.toISOString(),
        },
        envelope,
      });
      return outcome;
    } finally {
      // Refused or failed (the store threw): give back the email and the use.
      if (!outcome?.ok) {
        this.tokens.releaseUse(invite.id);
        this.credentials.release(personId);
      }
    }
  }
}
