import Database from 'better-sqlite3';
import type { DailyCounts } from './sender-pacer.js';

/** A send written down before the provider is asked: enough to reconcile it after a crash. */
export interface Attempt {
  readonly messageId: string;
  readonly contactId: string;
  readonly campaignId: string;
  /** Null in attempts written before reconciliation existed: those cannot be looked up. */
  readonly to: string | null;
  readonly body: string | null;
  readonly startedAt: string;
}

/** An attempt as written to the shared store (several instances): its revision in `$dispatch-attempts`. */
export interface SharedAttempt extends Attempt {
  readonly revision: bigint;
}

interface AttemptRow {
  message_id: string;
  contact_id: string;
  campaign_id: string;
  to_phone: string | null;
  body: string | null;
  started_at: string;
}

const attemptOf = (row: AttemptRow): Attempt => ({ messageId: row.message_id, contactId: row.contact_id, campaignId: row.campaign_id, to: row.to_phone, body: row.body, startedAt: row.started_at });

/**
 * The dispatcher's own durable notes (`DATA_DIR/dispatch.db`, WAL): its
 * checkpoint in the log, the sends in flight (an attempt is written before
 * the provider is asked and cleared once the outcome is in the log), and the
 * sends whose outcome is unknown until the provider is asked about them.
 */
export class DispatchJournal implements DailyCounts {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: an attempt row survives a kill -9 (the OS has it); only a power cut in the
    // same instant could lose one, and then that one send may go out again.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS dispatch_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS dispatch_attempts (message_id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, campaign_id TEXT NOT NULL, started_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sender_days (sender TEXT NOT NULL, day TEXT NOT NULL, sent INTEGER NOT NULL, PRIMARY KEY (sender, day)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS dispatch_unknown (
        message_id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, campaign_id TEXT NOT NULL, to_phone TEXT, body TEXT, started_at TEXT NOT NULL
      );`);
    // Attempts written by the dispatcher before reconciliation existed have no number and text.
    this.addColumn('dispatch_attempts', 'to_phone TEXT');
    this.addColumn('dispatch_attempts', 'body TEXT');
    // Where each open attempt stands in the shared `$dispatch-attempts` stream (several instances; null with SQLite).
    this.addColumn('dispatch_attempts', 'shared_revision INTEGER');
    this.addColumn('dispatch_unknown', 'shared_revision INTEGER');
  }

  /** A column a dispatch.db written by an earlier version lacks. */
  private addColumn(table: string, definition: string): void {
    const name = definition.split(' ')[0];
    const columns = this.db.pragma(`table_info(${table})`) as Array<{ name: string }>;
    if (!columns.some((c) => c.name === name)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${definition}`);
  }

  checkpoint(): bigint {
    const row = this.db.prepare('SELECT position FROM dispatch_checkpoint WHERE id = 1').get() as { position: number | bigint } | undefined;
    return row ? BigInt(row.position) : 0n;
  }

  saveCheckpoint(position: bigint): void {
    this.db.prepare('INSERT INTO dispatch_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position').run(position);
  }

  begin(attempt: Attempt, sharedRevision: bigint | null = null): void {
    this.beginStatement().run(attempt.messageId, attempt.contactId, attempt.campaignId, attempt.startedAt, attempt.to, attempt.body, sharedRevision);
  }

  /** Whether this journal holds the attempt (in flight or unknown). */
  holds(messageId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM dispatch_attempts WHERE message_id = ? UNION ALL SELECT 1 FROM dispatch_unknown WHERE message_id = ?').pluck().get(messageId, messageId) !==
      undefined
    );
  }

  /** Another instance's attempt, left in flight or unreconciled when it stopped: this one reconciles it now. */
  adoptUnknown(attempt: SharedAttempt): void {
    this.db
      .prepare('INSERT OR IGNORE INTO dispatch_unknown (message_id, contact_id, campaign_id, to_phone, body, started_at, shared_revision) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(attempt.messageId, attempt.contactId, attempt.campaignId, attempt.to, attempt.body, attempt.startedAt, attempt.revision);
  }

  /** The oldest shared revision of an attempt still in flight or unknown here: a next holder reads the shared stream from there. */
  oldestSharedRevision(): bigint | null {
    return this.db
      .prepare('SELECT min(r) FROM (SELECT min(shared_revision) AS r FROM dispatch_attempts UNION ALL SELECT min(shared_revision) FROM dispatch_unknown)')
      .safeIntegers()
      .pluck()
      .get() as bigint | null;
  }

  /** The outcome is in the log. */
  finish(messageId: string): void {
    this.finishStatement().run(messageId);
  }

  // Prepared once: begin and finish run for every text (the dispatch bench showed the preparing).
  private readonly beginStatement = this.statement('INSERT OR REPLACE INTO dispatch_attempts (message_id, contact_id, campaign_id, started_at, to_phone, body, shared_revision) VALUES (?, ?, ?, ?, ?, ?, ?)');
  private readonly finishStatement = this.statement('DELETE FROM dispatch_attempts WHERE message_id = ?');

  private statement(sql: string): () => Database.Statement {
    let prepared: Database.Statement | undefined;
    return () => (prepared ??= this.db.prepare(sql));
  }

  /** Attempts a stopped process left in flight. */
  inFlight(): Attempt[] {
    return (this.db.prepare('SELECT message_id, contact_id, campaign_id, to_phone, body, started_at FROM dispatch_attempts').all() as AttemptRow[]).map(attemptOf);
  }

  /** The attempt's outcome is unknown (recorded in the log): it waits for reconciliation. */
  markUnknown(messageId: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT OR IGNORE INTO dispatch_unknown (message_id, contact_id, campaign_id, to_phone, body, started_at, shared_revision) SELECT message_id, contact_id, campaign_id, to_phone, body, started_at, shared_revision FROM dispatch_attempts WHERE message_id = ?',
        )
        .run(messageId);
      this.finish(messageId);
    })();
  }

  /** Unknown outcomes whose attempt started before `before` (the provider has had time to settle them). */
  unknownBefore(before: string): Attempt[] {
    return (this.db.prepare('SELECT * FROM dispatch_unknown WHERE started_at < ? ORDER BY started_at').all(before) as AttemptRow[]).map(attemptOf);
  }

  unknownCount(): number {
    return this.db.prepare('SELECT count(*) FROM dispatch_unknown').pluck().get() as number;
  }

  reconciled(messageId: string): void {
    this.db.prepare('DELETE FROM dispatch_unknown WHERE message_id = ?').run(messageId);
  }

  /** How many sends this sender started on this UTC day (the daily cap). */
  sentOn(sender: string, day: string): number {
    return (this.db.prepare('SELECT sent FROM sender_days WHERE sender = ? AND day = ?').pluck().get(sender, day) as number | undefined) ?? 0;
  }

  countSend(sender: string, day: string): void {
    this.db.prepare('INSERT INTO sender_days VALUES (?, ?, 1) ON CONFLICT (sender, day) DO UPDATE SET sent = sent + 1').run(sender, day);
  }

  close(): void {
    this.db.close();
  }
}
