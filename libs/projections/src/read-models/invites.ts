import type { InviteStatus, InviteView, Role } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';
import { actorOf } from './actor.js';

interface InviteRow {
  id: string;
  kind: 'volunteer' | 'named';
  role: Role;
  email: string | null;
  campaign_id: string | null;
  expires_at: string;
  max_uses: number | null;
  uses: number;
  revoked: number;
  created_at: string;
  created_by: string;
}

export interface InviteRecord {
  readonly id: string;
  readonly kind: 'volunteer' | 'named';
  readonly role: Role;
  readonly email: string | null;
  readonly campaignId: string | null;
  readonly expiresAt: string;
  readonly maxUses: number | null;
  readonly uses: number;
  readonly revoked: boolean;
}

const toRecord = (row: InviteRow): InviteRecord => ({
  id: row.id,
  kind: row.kind,
  role: row.role,
  email: row.email,
  campaignId: row.campaign_id,
  expiresAt: row.expires_at,
  maxUses: row.max_uses,
  uses: row.uses,
  revoked: row.revoked === 1,
});

/** Why an invite cannot be used now, or 'open'. */
export function inviteStatusOf(invite: InviteRecord, now: Date): InviteStatus {
  if (invite.revoked) return 'revoked';
  if (Date.parse(invite.expiresAt) <= now.getTime()) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used-up';
  return 'open';
}

/** Invite links and how often they were used (counted from PersonJoined). */
export const invitesProjector = defineProjector({
  name: 'invites',
  version: 1,
  tables: ['invites'],
  schema: `
    CREATE TABLE IF NOT EXISTS invites (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, role TEXT NOT NULL, email TEXT, campaign_id TEXT,
      expires_at TEXT NOT NULL, max_uses INTEGER, uses INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL, created_by TEXT NOT NULL
    );`,
  handlers: {
    InviteCreated: (event, db) => {
      const d = event.data;
      cachedStatement(db, 'INSERT OR IGNORE INTO invites VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)').run(
        d.inviteId, d.kind, d.role, d.email ?? null, d.campaignId ?? null, d.expiresAt, d.maxUses ?? null, d.createdAt,
        actorOf(event.metadata)?.name ?? actorOf(event.metadata)?.id ?? 'unknown',
      );
    },
    InviteRevoked: (event, db) => {
      cachedStatement(db, 'UPDATE invites SET revoked = 1 WHERE id = ?').run(event.data.inviteId);
    },
    PersonJoined: (event, db) => {
      if (event.data.inviteId) cachedStatement(db, 'UPDATE invites SET uses = uses + 1 WHERE id = ?').run(event.data.inviteId);
    },
  },
});

export function findInvite(db: Database.Database, id: string): InviteRecord | undefined {
  const row = cachedStatement<[string], InviteRow>(db, 'SELECT * FROM invites WHERE id = ?').get(id);
  return row && toRecord(row);
}

export function listInvites(db: Database.Database, now: Date): InviteView[] {
  return cachedStatement<[], InviteRow>(db, 'SELECT * FROM invites ORDER BY created_at DESC, id')
    .all()
    .map((row) => {
      const invite = toRecord(row);
      const { revoked: _revoked, ...fields } = invite;
      return { ...fields, status: inviteStatusOf(invite, now), createdAt: row.created_at, createdBy: row.created_by };
    });
}
