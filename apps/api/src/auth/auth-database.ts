import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Secrets live here, never in the event log: password hashes and session
 * token hashes. Back it up with the log; losing it only means people set new
 * passwords and sign in again.
 */
export function openAuthDatabase(path: string, synchronous: 'NORMAL' | 'FULL' = 'FULL'): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  db.exec(`
    -- email is reserved here first (UNIQUE), then the PersonJoined event is written: two
    -- people racing for one address cannot both join.
    CREATE TABLE IF NOT EXISTS credentials (
      person_id     TEXT PRIMARY KEY,
      email         TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      updated_at    INTEGER NOT NULL
    );
    -- Invite links: only the token's hash; uses counted here so a limit holds under a crowd.
    CREATE TABLE IF NOT EXISTS invite_tokens (
      token_hash TEXT PRIMARY KEY,
      invite_id  TEXT NOT NULL UNIQUE,
      max_uses   INTEGER,
      uses       INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS sessions (
      token_hash   TEXT PRIMARY KEY,
      person_id    TEXT NOT NULL,
      created_at   INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS sessions_by_person ON sessions (person_id);
    -- Sign-in throttling survives restarts: recent failures by bucket, where each
    -- member signed in before, and the browsers they signed in with.
    CREATE TABLE IF NOT EXISTS sign_in_failures (bucket TEXT NOT NULL, at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS sign_in_failures_by_bucket ON sign_in_failures (bucket, at);
    CREATE TABLE IF NOT EXISTS known_places (
      person_id TEXT NOT NULL, address TEXT NOT NULL, last_at INTEGER NOT NULL, PRIMARY KEY (person_id, address)
    ) WITHOUT ROWID;
    -- One-time password reset links: the token's hash only; used_at set once, atomically.
    CREATE TABLE IF NOT EXISTS password_resets (
      token_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER
    );
    CREATE TABLE IF NOT EXISTS known_devices (
      token_hash TEXT NOT NULL, person_id TEXT NOT NULL, last_at INTEGER NOT NULL, PRIMARY KEY (token_hash, person_id)
    ) WITHOUT ROWID;
  `);
  // Added after the first release: when the person last signed in with their password (joining does not count).
  const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('credentials')`).all().map((c) => c.name);
  if (!columns.includes('signed_in_at')) db.exec('ALTER TABLE credentials ADD COLUMN signed_in_at INTEGER');
  // A volunteer link's token, kept so admins can show it again all night (named invites keep only the hash).
  const tokenColumns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('invite_tokens')`).all().map((c) => c.name);
  if (!tokenColumns.includes('token')) db.exec('ALTER TABLE invite_tokens ADD COLUMN token TEXT');
  // Who made a reset link: it works only while they still may (checked when it is used).
  const resetColumns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('password_resets')`).all().map((c) => c.name);
  if (!resetColumns.includes('issued_by')) db.exec('ALTER TABLE password_resets ADD COLUMN issued_by TEXT');
  return db;
}
