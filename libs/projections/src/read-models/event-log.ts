import type { EventLogEntry } from '@textbank/contracts';
import type { RecordedEvent } from '@textbank/event-store';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';
import { actorOf } from './actor.js';

/** How an event shows in the auditor's log. */
export function eventLogEntryOf(event: RecordedEvent): EventLogEntry {
  return {
    position: event.position.commit.toString(),
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: Number(event.revision),
    actor: actorOf(event.metadata),
    time: String(event.metadata['timestamp'] ?? event.created.toISOString()),
    data: event.data,
  };
}

/**
 * The event log page reads the log itself (filtered reads of `$all`), so no
 * copy of every event is kept here: this projector only announces each event
 * to the live log and keeps the list of types for the page's filter.
 */
export const eventLogProjector = defineProjector({
  name: 'event-log',
  version: 2,
  // event_log: version 1 kept a copy of every event; dropped on upgrade.
  tables: ['event_log', 'event_types'],
  schema: 'CREATE TABLE IF NOT EXISTS event_types (type TEXT PRIMARY KEY) WITHOUT ROWID;',
  handlers: {},
  anyEvent: (event, db, announce) => {
    cachedStatement(db, 'INSERT OR IGNORE INTO event_types VALUES (?)').run(event.type);
    if (!announce) return;
    const entry = eventLogEntryOf(event);
    return [{ kind: 'event.appended', topic: 'event-log', position: entry.position, payload: entry }];
  },
});

export function eventTypes(db: Database.Database): string[] {
  return cachedStatement<[], string>(db, 'SELECT type FROM event_types ORDER BY type').pluck().all();
}
