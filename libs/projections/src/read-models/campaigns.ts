import type { CampaignView, Change } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector, type StoredEvent } from '../projector.js';
import { actorOf } from './actor.js';

interface CampaignRow {
  id: string;
  name: string;
  description: string;
  texting_start: string;
  texting_end: string;
  status: CampaignView['status'];
  created_at: string;
  created_by: string;
  updated_at: string;
  revision: number;
  position: number;
}

const toView = (row: CampaignRow): CampaignView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  textingHours: { start: row.texting_start, end: row.texting_end },
  status: row.status,
  createdAt: row.created_at,
  createdBy: JSON.parse(row.created_by),
  updatedAt: row.updated_at,
  revision: row.revision,
});

const upserted = (db: Database.Database, id: string): Change[] => {
  const row = cachedStatement<[string], CampaignRow>(db, 'SELECT * FROM campaigns WHERE id = ?').get(id);
  return row ? [{ kind: 'campaign.upserted', topic: 'campaigns', position: String(row.position), payload: toView(row) }] : [];
};

function statusChanged(event: StoredEvent, db: Database.Database, announce: boolean, status: CampaignView['status'], at: string) {
  const { campaignId } = event.data as { campaignId: string };
  cachedStatement(db, 'UPDATE campaigns SET status = ?, updated_at = ?, revision = ?, position = ? WHERE id = ?').run(
    status, at, event.revision, event.position.commit, campaignId,
  );
  return announce ? upserted(db, campaignId) : undefined;
}

export const campaignsProjector = defineProjector({
  name: 'campaigns',
  version: 3,
  tables: ['campaigns'],
  schema: `
    CREATE TABLE IF NOT EXISTS campaigns (
      id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
      texting_start TEXT NOT NULL, texting_end TEXT NOT NULL, status TEXT NOT NULL,
      created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL,
      revision INTEGER NOT NULL, position INTEGER NOT NULL
    );`,
  // No index on position: an organization has hundreds of campaigns, a scan for a resync is
  // cheap, and an index would be rewritten on every change.
  handlers: {
    CampaignCreated: (event, db, announce) => {
      const d = event.data;
      cachedStatement(
        db,
        `INSERT INTO campaigns VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      ).run(
        d.campaignId, d.organizationId, d.name, d.description, d.textingHours.start, d.textingHours.end,
        d.createdAt, JSON.stringify(actorOf(event.metadata)), d.createdAt, event.revision, event.position.commit,
      );
      return announce ? upserted(db, d.campaignId) : undefined;
    },
    CampaignDetailsChanged: (event, db, announce) => {
      const d = event.data;
      cachedStatement(
        db,
        `UPDATE campaigns SET name = coalesce(?, name), description = coalesce(?, description),
           texting_start = coalesce(?, texting_start), texting_end = coalesce(?, texting_end),
           updated_at = ?, revision = ?, position = ?
         WHERE id = ?`,
      ).run(
        d.name ?? null, d.description ?? null, d.textingHours?.start ?? null, d.textingHours?.end ?? null,
        d.changedAt, event.revision, event.position.commit, d.campaignId,
      );
      return announce ? upserted(db, d.campaignId) : undefined;
    },
    CampaignLaunched: (event, db, announce) => statusChanged(event, db, announce, 'active', event.data.launchedAt),
    CampaignPaused: (event, db, announce) => statusChanged(event, db, announce, 'paused', event.data.pausedAt),
    CampaignResumed: (event, db, announce) => statusChanged(event, db, announce, 'active', event.data.resumedAt),
    CampaignArchived: (event, db, announce) => statusChanged(event, db, announce, 'archived', event.data.archivedAt),
  },
});

export function listCampaigns(db: Database.Database): CampaignView[] {
  return cachedStatement<[], CampaignRow>(db, 'SELECT * FROM campaigns ORDER BY created_at DESC, id').all().map(toView);
}

export function findCampaign(db: Database.Database, id: string): CampaignView | undefined {
  const row = cachedStatement<[string], CampaignRow>(db, 'SELECT * FROM campaigns WHERE id = ?').get(id);
  return row && toView(row);
}

/** For a reconnecting browser: every campaign whose latest change it has not seen, oldest first. */
export function campaignChangesSince(db: Database.Database, since: bigint): Change[] {
  return cachedStatement<[bigint], CampaignRow>(db, 'SELECT * FROM campaigns WHERE position > ? ORDER BY position')
    .all(since)
    .map((row) => ({ kind: 'campaign.upserted', topic: 'campaigns', position: String(row.position), payload: toView(row) }));
}

/** For a reconnecting browser following one campaign. */
export function campaignChangeSince(db: Database.Database, id: string, since: bigint): Change[] {
  return cachedStatement<[string, bigint], CampaignRow>(db, 'SELECT * FROM campaigns WHERE id = ? AND position > ?')
    .all(id, since)
    .map((row) => ({ kind: 'campaign.upserted', topic: `campaign:${id}` as const, position: String(row.position), payload: toView(row) }));
}
