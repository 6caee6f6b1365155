import type { CannedResponseView, Change } from '@textbank/contracts';
import type { RecordedEvent } from '@textbank/event-store';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';
import { actorOf } from './actor.js';

interface ResponseRow {
  response_id: string;
  campaign_id: string;
  title: string;
  body: string;
  version: number;
  rank: number;
  updated_at: string;
  updated_by: string;
  position: number;
}

const toView = (row: ResponseRow): CannedResponseView => ({
  responseId: row.response_id,
  campaignId: row.campaign_id,
  title: row.title,
  body: row.body,
  version: row.version,
  rank: row.rank,
  updatedAt: row.updated_at,
  updatedBy: JSON.parse(row.updated_by),
});

/** A campaign has at most 100 responses: every change pushes the whole list, so reorders and deletes need no special case in the browser. */
function listChanged(db: Database.Database, campaignId: string, event: RecordedEvent): Change[] {
  return [
    {
      kind: 'canned-responses.changed',
      topic: `campaign:${campaignId}` as const,
      position: String(event.position.commit),
      payload: { campaignId, responses: listCannedResponses(db, campaignId) },
    },
  ];
}

const touched = (event: RecordedEvent) => [JSON.stringify(actorOf(event.metadata)), event.position.commit] as const;

export const cannedResponsesProjector = defineProjector({
  name: 'canned-responses',
  version: 1,
  tables: ['canned_responses'],
  schema: `
    CREATE TABLE IF NOT EXISTS canned_responses (
      response_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
      version INTEGER NOT NULL, rank INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS canned_responses_by_campaign ON canned_responses (campaign_id, rank);`,
  handlers: {
    CannedResponseCreated: (event, db, announce) => {
      const d = event.data;
      cachedStatement(
        db,
        `INSERT INTO canned_responses
         SELECT ?, ?, ?, ?, ?, count(*), ?, ?, ? FROM canned_responses WHERE campaign_id = ?
         ON CONFLICT (response_id) DO NOTHING`,
      ).run(d.responseId, d.campaignId, d.title, d.body, d.version, d.createdAt, ...touched(event), d.campaignId);
      return announce ? listChanged(db, d.campaignId, event) : undefined;
    },
    CannedResponseEdited: (event, db, announce) => {
      const d = event.data;
      cachedStatement(
        db,
        `UPDATE canned_responses SET title = coalesce(?, title), body = coalesce(?, body), version = ?, updated_at = ?, updated_by = ?, position = ?
         WHERE response_id = ?`,
      ).run(d.title ?? null, d.body ?? null, d.version, d.editedAt, ...touched(event), d.responseId);
      return announce ? listChanged(db, d.campaignId, event) : undefined;
    },
    CannedResponsesReordered: (event, db, announce) => {
      const d = event.data;
      const setRank = cachedStatement(db, 'UPDATE canned_responses SET rank = ?, position = ? WHERE response_id = ? AND campaign_id = ?');
      d.order.forEach((responseId, rank) => setRank.run(rank, event.position.commit, responseId, d.campaignId));
      return announce ? listChanged(db, d.campaignId, event) : undefined;
    },
    CannedResponseDeleted: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, 'DELETE FROM canned_responses WHERE response_id = ?').run(d.responseId);
      // The ranks close up behind it: 0..n-1 stay the list's places.
      const ranks = cachedStatement<[string], { response_id: string }>(db, 'SELECT response_id FROM canned_responses WHERE campaign_id = ? ORDER BY rank').all(d.campaignId);
      const setRank = cachedStatement(db, 'UPDATE canned_responses SET rank = ? WHERE response_id = ?');
      ranks.forEach((row, rank) => setRank.run(rank, row.response_id));
      return announce ? listChanged(db, d.campaignId, event) : undefined;
    },
  },
});

const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-US');

/** In order; `search` matches titles and bodies, ignoring case and accents. */
export function listCannedResponses(db: Database.Database, campaignId: string, search?: string): CannedResponseView[] {
  const rows = cachedStatement<[string], ResponseRow>(db, 'SELECT * FROM canned_responses WHERE campaign_id = ? ORDER BY rank').all(campaignId);
  const wanted = search?.trim() ? folded(search.trim()) : undefined;
  return rows.filter((row) => !wanted || folded(`${row.title}\n${row.body}`).includes(wanted)).map(toView);
}
