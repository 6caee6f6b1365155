import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';

/**
 * How long a retried command (the same Idempotency-Key from the same sender)
 * answers as the first time did. Beyond it a key may be reused.
 */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Old rows are cleared every so many events (lookups check the age anyway). */
const PRUNE_EVERY = 5_000;

export interface CommandOutcomeRecord {
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** What a keyed command asked for (metadata `commandFingerprint`), to refuse its key on a different request. */
  readonly fingerprint: string | null;
}

let sincePrune = 0;

/**
 * The last event each command wrote, by command id (the events' causationId),
 * for the window above: the executor asks here whether a retried command
 * already landed, however many events its stream has had since. One row per
 * command, on disk, dropped once older than the window.
 */
export const commandOutcomesProjector = defineProjector({
  name: 'command-outcomes',
  version: 2,
  tables: ['command_outcomes'],
  schema: `CREATE TABLE IF NOT EXISTS command_outcomes (
    command_id TEXT PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL, at INTEGER NOT NULL, fingerprint TEXT
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS command_outcomes_by_age ON command_outcomes (at);`,
  handlers: {},
  anyEvent: (event, db) => {
    const commandId = event.metadata['causationId'];
    if (typeof commandId !== 'string') return;
    // The command's own time (the clock it was decided by), which is what a retry's time is compared with.
    const stamped = Date.parse(String(event.metadata['timestamp']));
    const at = Number.isNaN(stamped) ? event.created.getTime() : stamped;
    const fingerprint = event.metadata['commandFingerprint'];
    cachedStatement(
      db,
      `INSERT INTO command_outcomes VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (command_id) DO UPDATE SET revision = excluded.revision, position = excluded.position, at = excluded.at`,
    ).run(commandId, event.streamId, event.revision, event.position.commit, at, typeof fingerprint === 'string' ? fingerprint : null);
    if (++sincePrune >= PRUNE_EVERY) {
      sincePrune = 0;
      cachedStatement(db, 'DELETE FROM command_outcomes WHERE at < ?').run(at - IDEMPOTENCY_WINDOW_MS);
    }
  },
});

/** What a command wrote, if it landed within the window before `now`. */
export function findCommandOutcome(db: Database.Database, commandId: string, now: Date): CommandOutcomeRecord | undefined {
  const row = cachedStatement<[string, number], { stream: string; revision: number | bigint; position: number | bigint; fingerprint: string | null }>(
    db,
    'SELECT stream, revision, position, fingerprint FROM command_outcomes WHERE command_id = ? AND at >= ?',
  ).get(commandId, now.getTime() - IDEMPOTENCY_WINDOW_MS);
  return row && { stream: row.stream, revision: BigInt(row.revision), position: BigInt(row.position), fingerprint: row.fingerprint };
}
