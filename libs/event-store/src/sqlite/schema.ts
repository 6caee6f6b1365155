import type Database from 'better-sqlite3';

export type SynchronousMode = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

/**
 * Pragmas are per connection and must be set on every open: better-sqlite3
 * is compiled so that a WAL database defaults to synchronous=NORMAL, which
 * survives a process crash but not a power loss.
 */
export function openPragmas(db: Database.Database, synchronous: SynchronousMode): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
}

export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position  INTEGER PRIMARY KEY AUTOINCREMENT, -- the $all position; AUTOINCREMENT: never reused
      stream_id TEXT    NOT NULL,
      revision  INTEGER NOT NULL,
      event_id  TEXT    NOT NULL,
      type      TEXT    NOT NULL,
      data      TEXT    NOT NULL,
      metadata  TEXT    NOT NULL,
      created   INTEGER NOT NULL,
      UNIQUE (stream_id, revision)
    );
    CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
    CREATE TABLE IF NOT EXISTS streams (
      stream_id     TEXT    PRIMARY KEY,
      last_revision INTEGER NOT NULL,
      tombstoned    INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
  `);
}
