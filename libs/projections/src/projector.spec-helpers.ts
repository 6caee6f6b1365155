import type { Change } from '@textbank/contracts';
import type { AnyDomainEvent } from '@textbank/domain';
import type Database from 'better-sqlite3';
import { openReadModelDatabase } from './read-model-database.js';
import type { Projector, StoredEvent } from './projector.js';

const metadata = { actor: { id: 'p1', kind: 'person', name: 'Ada' }, causationId: 'c', correlationId: 'c', timestamp: '2026-11-28T12:00:00.000Z', schemaVersion: 1 };

/**
 * given(events) then read the model: Emmett's SQLiteProjectionSpec, small.
 * Events are given as [stream, event]; revisions count per stream, positions across all.
 */
export interface ProjectorSpec {
  readonly db: Database.Database;
  given(...events: Array<[string, AnyDomainEvent]>): Change[];
}

export function projectorSpec(projector: Projector): ProjectorSpec {
  const db: Database.Database = openReadModelDatabase(':memory:');
  db.exec(projector.schema);
  const revisions = new Map<string, bigint>();
  let position = 0n;
  return {
    db,
    /** Applies the events announcing them, and answers the changes they announced. */
    given(...events: Array<[string, AnyDomainEvent]>): Change[] {
      const changes: Change[] = [];
      for (const [streamId, event] of events) {
        const revision = (revisions.get(streamId) ?? -1n) + 1n;
        revisions.set(streamId, revision);
        position += 100n;
        const stored = { id: `e${position}`, streamId, revision, type: event.type, data: event.data, metadata, created: new Date(), position: { commit: position, prepare: position } };
        const handler = projector.handlers[event.type] as ((event: StoredEvent, db: Database.Database, announce: boolean) => Change[] | void) | undefined;
        changes.push(...(handler?.(stored as StoredEvent, db, true) ?? []));
      }
      return changes;
    },
  };
}
