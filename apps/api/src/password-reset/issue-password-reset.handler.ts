import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MANAGERS, personDecider, personStream, type Rejection } from '@textbank/domain';
import { PasswordResets } from '../auth/password-resets.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { Standings } from '../people/standings.js';
import { IssuePasswordResetCommand } from './password-reset.commands.js';

/** A reset link is good for a day: long enough to pass on, short enough not to linger in a chat. */
export const RESET_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type ResetLinkOutcome = CommandOutcome & { readonly token?: string; readonly expiresAt?: string };

/**
 * Owners and admins issue reset links for the people they manage: only an
 * owner for an owner (else an admin could take over an owner's account), never
 * for oneself, never for the suspended. Standings are read from the roster.
 */
@CommandHandler(IssuePasswordResetCommand)
export class IssuePasswordResetHandler implements ICommandHandler<IssuePasswordResetCommand, ResetLinkOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly standings: Standings,
    private readonly resets: PasswordResets,
  ) {}

  async execute({ organizationId, personId, by, envelope }: IssuePasswordResetCommand): Promise<ResetLinkOutcome> {
    if (by === personId) return { ok: false, rejection: { code: 'conflict', message: 'You cannot reset your own password here; ask another owner or admin' } };
    const refused = await mayReset(this.standings, organizationId, by, personId);
    if (refused) return { ok: false, rejection: refused };
    const expiresAt = new Date(envelope.now.getTime() + RESET_LINK_LIFETIME_MS);
    const outcome = await this.executor.execute({
      stream: personStream(personId),
      decider: personDecider,
      command: { type: 'IssuePasswordResetLink', personId, expiresAt: expiresAt.toISOString(), now: envelope.now.toISOString() },
      envelope,
    });
    if (!outcome.ok) return outcome;
    return { ...outcome, token: this.resets.create(personId, expiresAt.getTime(), by), expiresAt: expiresAt.toISOString() };
  }
}

/**
 * Whether `by` may hand out a way into `personId`'s account, on the roster
 * now: asked when a link is made and again when it is used, so a link dies
 * with its maker's standing and never opens an account that became an owner's.
 */
export async function mayReset(standings: Standings, organizationId: string, by: string, personId: string): Promise<Rejection | undefined> {
  const [actor, target] = await Promise.all([standings.of(organizationId, by), standings.of(organizationId, personId)]);
  if (!target || target.status === 'removed') return { code: 'not_found', message: 'No such person' };
  if (!actor || actor.status !== 'active' || !MANAGERS.includes(actor.role)) return { code: 'forbidden', message: 'Whoever made this link may no longer reset passwords' };
  if (target.role === 'owner' && actor.role !== 'owner') return { code: 'forbidden', message: "Only an owner may reset an owner's password" };
  if (target.status === 'suspended') return { code: 'conflict', message: 'This person is suspended: reinstate them first' };
  return undefined;
}
