import type { Change, ScriptView } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';
import { actorOf } from './actor.js';

interface ScriptRow {
  campaign_id: string;
  version: number;
  variants: string;
  revised_at: string;
  revised_by: string;
  revision: number;
  position: number;
}

const toView = (row: ScriptRow): ScriptView => ({
  campaignId: row.campaign_id,
  version: row.version,
  variants: JSON.parse(row.variants),
  revisedAt: row.revised_at,
  revisedBy: JSON.parse(row.revised_by),
  revision: row.revision,
});

const LATEST = 'SELECT * FROM campaign_scripts WHERE campaign_id = ? ORDER BY version DESC LIMIT 1';

/**
 * Every version of every initial script: the current one for the editor, and
 * earlier ones for a text that names the version it was rendered from.
 */
export const scriptsProjector = defineProjector({
  name: 'scripts',
  version: 1,
  tables: ['campaign_scripts'],
  schema: `
    CREATE TABLE IF NOT EXISTS campaign_scripts (
      campaign_id TEXT NOT NULL, version INTEGER NOT NULL, variants TEXT NOT NULL,
      revised_at TEXT NOT NULL, revised_by TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL,
      PRIMARY KEY (campaign_id, version)
    ) WITHOUT ROWID;`,
  handlers: {
    InitialScriptRevised: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, 'INSERT INTO campaign_scripts VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
        d.campaignId, d.version, JSON.stringify(d.variants), d.revisedAt, JSON.stringify(actorOf(event.metadata)), event.revision, event.position.commit,
      );
      if (!announce) return;
      const changes: Change[] = [{ kind: 'script.revised', topic: `campaign:${d.campaignId}` as const, position: String(event.position.commit), payload: findScript(db, d.campaignId) }];
      return changes;
    },
  },
});

/** The current version; version 0 with no variants (revision -1) before the first save. */
export function findScript(db: Database.Database, campaignId: string): ScriptView {
  const row = cachedStatement<[string], ScriptRow>(db, LATEST).get(campaignId);
  return row ? toView(row) : { campaignId, version: 0, variants: [], revisedAt: null, revisedBy: null, revision: -1 };
}

export function findScriptVersion(db: Database.Database, campaignId: string, version: number): ScriptView | undefined {
  const row = cachedStatement<[string, number], ScriptRow>(db, 'SELECT * FROM campaign_scripts WHERE campaign_id = ? AND version = ?').get(campaignId, version);
  return row && toView(row);
}
