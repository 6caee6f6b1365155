import { Inject, Injectable } from '@nestjs/common';
import type { Rejection } from '@textbank/domain';
import { findInvite, inviteStatusOf, type InviteRecord } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { InviteTokens } from './invite-tokens.js';

const PROBLEMS: Record<'expired' | 'revoked' | 'used-up', string> = {
  expired: 'This invite link has expired. Ask your organizer for a new one.',
  revoked: 'This invite link was revoked. Ask your organizer for a new one.',
  'used-up': 'This invite link has been used as many times as it allows. Ask your organizer for a new one.',
};

/** From a link's token to an invite that can still be used, or why not (404 unknown, 410 no longer). */
@Injectable()
export class InviteLookup {
  constructor(
    private readonly tokens: InviteTokens,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  open(token: string, now: Date): { ok: true; invite: InviteRecord } | { ok: false; rejection: Rejection } {
    const inviteId = this.tokens.inviteIdOf(token);
    const invite = inviteId === undefined ? undefined : findInvite(this.readModels, inviteId);
    if (!invite) return { ok: false, rejection: { code: 'not_found', message: 'This invite link is not valid. Check that it was copied whole.' } };
    const status = inviteStatusOf(invite, now);
    if (status !== 'open') return { ok: false, rejection: { code: 'gone', message: PROBLEMS[status] } };
    return { ok: true, invite };
  }
}
