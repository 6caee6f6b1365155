import type { Change, TagView } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector, type StoredEvent } from '../projector.js';

interface TagRow {
  id: string;
  name: string;
  colour: TagView['colour'];
  grp: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  revision: number;
  position: number;
}

const toView = (row: TagRow): TagView => ({
  id: row.id,
  name: row.name,
  colour: row.colour,
  group: row.grp,
  archived: row.archived === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  revision: row.revision,
});

const toChange = (row: TagRow): Change => ({ kind: 'tag.upserted', topic: 'tags', position: String(row.position), payload: toView(row) });

const upserted = (db: Database.Database, id: string): Change[] => {
  const row = cachedStatement<[string], TagRow>(db, 'SELECT * FROM tags WHERE id = ?').get(id);
  return row ? [toChange(row)] : [];
};

/**
 * A change to one tag: `revision` counts the tag's own events (as the tags
 * decider does), so an editor's expectedRevision is the tag's, not the stream's.
 */
function changed(event: StoredEvent, db: Database.Database, announce: boolean, tagId: string, at: string, set: string, values: unknown[]) {
  cachedStatement(db, `UPDATE tags SET ${set}, updated_at = ?, revision = revision + 1, position = ? WHERE id = ?`).run(...values, at, event.position.commit, tagId);
  return announce ? upserted(db, tagId) : undefined;
}

export const tagsProjector = defineProjector({
  name: 'tags',
  version: 1,
  tables: ['tags'],
  schema: `
    CREATE TABLE IF NOT EXISTS tags (
      id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, name TEXT NOT NULL, colour TEXT NOT NULL, grp TEXT,
      archived INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      revision INTEGER NOT NULL, position INTEGER NOT NULL
    );`,
  handlers: {
    TagCreated: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, `INSERT INTO tags VALUES (?, ?, ?, ?, ?, 0, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING`).run(
        d.tagId, d.organizationId, d.name, d.colour, d.group ?? null, d.createdAt, d.createdAt, event.position.commit,
      );
      return announce ? upserted(db, d.tagId) : undefined;
    },
    TagRenamed: (event, db, announce) => changed(event, db, announce, event.data.tagId, event.data.renamedAt, 'name = ?', [event.data.to]),
    TagRecoloured: (event, db, announce) => changed(event, db, announce, event.data.tagId, event.data.recolouredAt, 'colour = ?', [event.data.to]),
    TagRegrouped: (event, db, announce) => changed(event, db, announce, event.data.tagId, event.data.regroupedAt, 'grp = ?', [event.data.to ?? null]),
    TagArchived: (event, db, announce) => changed(event, db, announce, event.data.tagId, event.data.archivedAt, 'archived = 1', []),
  },
});

/** Every tag, in use first, then by group and name as people read them. */
export function listTags(db: Database.Database): TagView[] {
  return cachedStatement<[], TagRow>(db, 'SELECT * FROM tags ORDER BY archived, grp IS NOT NULL, grp COLLATE NOCASE, name COLLATE NOCASE, id').all().map(toView);
}

export function findTags(db: Database.Database, ids: readonly string[]): TagView[] {
  const find = cachedStatement<[string], TagRow>(db, 'SELECT * FROM tags WHERE id = ?');
  return ids.flatMap((id) => {
    const row = find.get(id);
    return row ? [toView(row)] : [];
  });
}

/** For a reconnecting browser following 'tags'. */
export function tagChangesSince(db: Database.Database, since: bigint): Change[] {
  return cachedStatement<[bigint], TagRow>(db, 'SELECT * FROM tags WHERE position > ? ORDER BY position').all(since).map(toChange);
}
