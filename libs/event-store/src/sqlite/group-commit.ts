import type Database from 'better-sqlite3';

interface Pending {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: every write submitted in the same tick runs in one
 * transaction (one fsync), each inside its own savepoint, so a write that
 * throws (a conflict) rolls back alone and the others still commit.
 */
export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};
  /** Transactions committed and writes inside them, for metrics and tests. */
  readonly stats = { groups: 0, writes: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly afterCommit: () => void,
    private readonly afterRollback: () => void = () => {},
  ) {}

  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.idle = new Promise((done) => (this.markIdle = done));
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once everything submitted so far has committed or failed. */
  drain(): Promise<void> {
    return this.idle;
  }

  private flush(): void {
    const group = this.queue;
    this.queue = [];
    this.scheduled = false;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const pending of group) {
        this.db.exec('SAVEPOINT one_append');
        try {
          outcomes.push({ ok: true, value: pending.work() });
          this.db.exec('RELEASE one_append');
        } catch (error) {
          this.db.exec('ROLLBACK TO one_append');
          this.db.exec('RELEASE one_append');
          this.afterRollback();
          outcomes.push({ ok: false, error });
        }
      }
      this.db.exec('COMMIT');
      this.stats.groups += 1;
      this.stats.writes += group.length;
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing in the group was written.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.afterRollback();
      group.forEach((pending) => pending.reject(error));
      this.settle();
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
    this.afterCommit();
    this.settle();
  }

  private settle(): void {
    if (!this.scheduled) this.markIdle();
  }
}
