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
  created_by_id: string | null;
  label: string | null;
  renewed_by_id: string | null;
  /** From the people table: whether the maker may still invite (owner or admin, active). */
  maker_can_invite?: number | null;
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
  readonly label: string | null;
  /** Who made it: a link stops working when its maker is no longer an active owner or admin. */
  readonly createdById: string | null;
  /** Who last renewed its secret (and so held the link): the link also needs them to still be able to invite. */
  readonly renewedById: string | null;
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
  label: row.label,
  createdById: row.created_by_id,
  renewedById: row.renewed_by_id,
});

/**
 * Why an invite cannot be used now, or 'open'. `makerCanInvite` false: its
 * maker was suspended, demoted below admin or removed (shown as 'inactive';
 * a join decides that from the roster itself, not from here).
 */
export function inviteStatusOf(invite: InviteRecord, now: Date, makerCanInvite = true): InviteStatus {
  if (invite.revoked) return 'revoked';
  if (!makerCanInvite) return 'inactive';
  if (Date.parse(invite.expiresAt) <= now.getTime()) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used-up';
  return 'open';
}

/** Invite links and how often they were used (counted from PersonJoined). */
export const invitesProjector = defineProjector({
  name: 'invites',
  version: 3,
  tables: ['invites'],
  schema: `
    CREATE TABLE IF NOT EXISTS invites (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, role TEXT NOT NULL, email TEXT, campaign_id TEXT,
      expires_at TEXT NOT NULL, max_uses INTEGER, uses INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL, created_by TEXT NOT NULL, created_by_id TEXT, label TEXT, renewed_by_id TEXT
    );`,
  handlers: {
    InviteCreated: (event, db) => {
      const d = event.data;
      const actor = actorOf(event.metadata);
      cachedStatement(db, 'INSERT OR IGNORE INTO invites VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, NULL)').run(
        d.inviteId, d.kind, d.role, d.email ?? null, d.campaignId ?? null, d.expiresAt, d.maxUses ?? null, d.createdAt,
        actor?.name ?? actor?.id ?? 'unknown', actor?.id ?? null, d.label ?? null,
      );
    },
    InviteLinkRenewed: (event, db) => {
      cachedStatement(db, 'UPDATE invites SET renewed_by_id = ? WHERE id = ?').run(actorOf(event.metadata)?.id ?? null, event.data.inviteId);
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
  return cachedStatement<[], InviteRow>(
    db,
    `SELECT invites.*,
       (p.id IS NULL OR (p.status = 'active' AND p.role IN ('owner', 'admin')))
       AND (r.id IS NULL OR (r.status = 'active' AND r.role IN ('owner', 'admin'))) AS maker_can_invite
     FROM invites LEFT JOIN people p ON p.id = invites.created_by_id LEFT JOIN people r ON r.id = invites.renewed_by_id
     ORDER BY invites.created_at DESC, invites.id`,
  )
    .all()
    .map((row) => {
      const invite = toRecord(row);
      const { revoked: _revoked, createdById: _maker, renewedById: _renewer, ...fields } = invite;
      return { ...fields, status: inviteStatusOf(invite, now, row.maker_can_invite !== 0), createdAt: row.created_at, createdBy: row.created_by };
    });
}
