import type { Change, EventLogEntry } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';
import { actorOf } from './actor.js';

interface EventLogRow {
  position: number;
  id: string;
  type: string;
  stream: string;
  revision: number;
  actor: string;
  time: string;
  data: string;
}

const toEntry = (row: EventLogRow): EventLogEntry => ({
  position: String(row.position),
  id: row.id,
  type: row.type,
  stream: row.stream,
  revision: row.revision,
  actor: JSON.parse(row.actor),
  time: row.time,
  data: JSON.parse(row.data),
});

const toChange = (row: EventLogRow): Change => ({ kind: 'event.appended', topic: 'event-log', position: String(row.position), payload: toEntry(row) });

/** The auditor's view of the log: every event, searchable by type and stream, newest first. */
export const eventLogProjector = defineProjector({
  name: 'event-log',
  version: 1,
  tables: ['event_log'],
  schema: `
    CREATE TABLE IF NOT EXISTS event_log (
      position INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, stream TEXT NOT NULL,
      revision INTEGER NOT NULL, actor TEXT NOT NULL, time TEXT NOT NULL, data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS event_log_by_type ON event_log (type, position);
    CREATE INDEX IF NOT EXISTS event_log_by_stream ON event_log (stream, position);`,
  handlers: {},
  anyEvent: (event, db, announce) => {
    const row: EventLogRow = {
      position: Number(event.position.commit),
      id: event.id,
      type: event.type,
      stream: event.streamId,
      revision: Number(event.revision),
      actor: JSON.stringify(actorOf(event.metadata)),
      time: String(event.metadata['timestamp'] ?? event.created.toISOString()),
      data: JSON.stringify(event.data),
    };
    cachedStatement(db, 'INSERT OR IGNORE INTO event_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.position, row.id, row.type, row.stream, row.revision, row.actor, row.time, row.data,
    );
    if (!announce) return;
    // Built from the event in hand, not by parsing back the JSON just written.
    const entry: EventLogEntry = {
      position: String(row.position), id: row.id, type: row.type, stream: row.stream, revision: row.revision,
      actor: actorOf(event.metadata), time: row.time, data: event.data,
    };
    return [{ kind: 'event.appended', topic: 'event-log', position: entry.position, payload: entry }];
  },
});

export interface EventLogFilter {
  readonly type?: string;
  /** Exact stream name, or a prefix ending in '-' for a whole category. */
  readonly stream?: string;
  readonly before?: bigint;
  readonly limit: number;
}

export function readEventLog(db: Database.Database, filter: EventLogFilter): { entries: EventLogEntry[]; nextBefore: string | null } {
  const where: string[] = ['position < ?'];
  const params: unknown[] = [filter.before ?? BigInt(Number.MAX_SAFE_INTEGER)];
  if (filter.type) {
    where.push('type = ?');
    params.push(filter.type);
  }
  if (filter.stream?.endsWith('-')) {
    where.push('substr(stream, 1, ?) = ?');
    params.push(filter.stream.length, filter.stream);
  } else if (filter.stream) {
    where.push('stream = ?');
    params.push(filter.stream);
  }
  const rows = cachedStatement<unknown[], EventLogRow>(
    db,
    `SELECT * FROM event_log WHERE ${where.join(' AND ')} ORDER BY position DESC LIMIT ?`,
  ).all(...params, filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return { entries: page.map(toEntry), nextBefore: rows.length > filter.limit ? String(page[page.length - 1]!.position) : null };
}

export function eventTypes(db: Database.Database): string[] {
  return cachedStatement<[], { type: string }>(db, 'SELECT DISTINCT type FROM event_log ORDER BY type').all().map((r) => r.type);
}

/** For a reconnecting browser: every entry after `since`, oldest first (bounded; older gaps reload the page). */
export function eventLogChangesSince(db: Database.Database, since: bigint, limit = 1000): Change[] {
  return cachedStatement<[bigint, number], EventLogRow>(db, 'SELECT * FROM event_log WHERE position > ? ORDER BY position LIMIT ?')
    .all(since, limit)
    .map(toChange);
}
