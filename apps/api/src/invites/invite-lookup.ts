import { Inject, Injectable } from '@nestjs/common';
import { MANAGERS, type Rejection } from '@textbank/domain';
import { findInvite, findOrganization, inviteStatusOf, type InviteRecord } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { Standings } from '../people/standings.js';
import { InviteTokens } from './invite-tokens.js';

const PROBLEMS: Record<'expired' | 'revoked' | 'used-up' | 'inactive', string> = {
  expired: 'This invite link has expired. Ask your organizer for a new one.',
  revoked: 'This invite link was revoked. Ask your organizer for a new one.',
  'used-up': 'This invite link has been used as many times as it allows. Ask your organizer for a new one.',
  inactive: 'This invite link no longer works: the person who made it can no longer invite people. Ask your organizer for a new one.',
};

/**
 * From a link's token to an invite that can still be used, or why not (404
 * unknown, 410 no longer). A link works only while its maker may still invite
 * (an active owner or admin): checked on the roster in the log at every use,
 * so suspending or demoting someone shuts their links at once, including a
 * named admin invite they made for themselves under another address.
 */
@Injectable()
export class InviteLookup {
  constructor(
    private readonly tokens: InviteTokens,
    private readonly standings: Standings,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  async open(token: string, now: Date): Promise<{ ok: true; invite: InviteRecord } | { ok: false; rejection: Rejection }> {
    const inviteId = this.tokens.inviteIdOf(token);
    const invite = inviteId === undefined ? undefined : findInvite(this.readModels, inviteId);
    if (!invite) return { ok: false, rejection: { code: 'not_found', message: 'This invite link is not valid. Check that it was copied whole.' } };
    const status = inviteStatusOf(invite, now, await this.makerMayInvite(invite));
    if (status !== 'open') return { ok: false, rejection: { code: 'gone', message: PROBLEMS[status] } };
    return { ok: true, invite };
  }

  /** The maker, and whoever last renewed the secret (they held the link too), must both still be able to invite. */
  private async makerMayInvite(invite: InviteRecord): Promise<boolean> {
    const organization = findOrganization(this.readModels);
    if (!invite.createdById || !organization) return false;
    const holders = [invite.createdById, ...(invite.renewedById ? [invite.renewedById] : [])];
    for (const holder of holders) {
      const standing = await this.standings.of(organization.id, holder);
      if (standing?.status !== 'active' || !MANAGERS.includes(standing.role)) return false;
    }
    return true;
  }
}
