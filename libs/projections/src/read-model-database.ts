import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The read models' own SQLite file, apart from the event log. It can be
 * deleted at any time and rebuilt from the log, so NORMAL durability is
 * enough: a lost tail is replayed from the checkpoint, which commits with it.
 */
export function openReadModelDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Fewer, larger checkpoints: a rebuild writes the whole read model at once. The WAL
  // may grow to ~80 MB before it is folded back, and is trimmed to 64 MB after.
  db.pragma('wal_autocheckpoint = 20000');
  db.pragma('journal_size_limit = 67108864');
  // A campaign's contacts run to a million rows with random ids: a 2 MB page cache
  // (SQLite's default) turns their inserts into disk reads. 64 MB: a 1M-row import bench
  // run went from 70 s to 61 s with it (single runs on a shared machine: indicative only).
  db.pragma('cache_size = -65536');
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name     TEXT PRIMARY KEY,
    version  INTEGER NOT NULL,
    position INTEGER NOT NULL
  ) WITHOUT ROWID`);
  return db;
}
