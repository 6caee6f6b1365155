import type Database from 'better-sqlite3';

interface Pending {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: every write submitted in the same tick runs in one
 * transaction (one fsync). A write that fails (a conflict) must fail alone.
 *
 * Writes check everything before they change anything, so a failure
 * normally leaves nothing to undo, and the group runs without savepoints
 * (they cost a fifth of the CPU per append). If a write fails after
 * changing rows, the whole transaction is rolled back and the group runs
 * again with a savepoint around each write, so only that write is undone.
 */
export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};
  /** Transactions committed and writes inside them, for metrics and tests. */
  readonly stats = { groups: 0, writes: 0, savepointRetries: 0 };
  private readonly sql;

  constructor(
    private readonly db: Database.Database,
    private readonly afterCommit: () => void,
    private readonly afterRollback: () => void = () => {},
  ) {
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT one_write'),
      release: db.prepare('RELEASE one_write'),
      rollbackTo: db.prepare('ROLLBACK TO one_write'),
      changes: db.prepare<[], number>('SELECT total_changes()').pluck(),
    };
  }

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
    let outcomes: Outcome[] | undefined;
    try {
      outcomes = this.run(group, false);
      if (!outcomes) {
        this.stats.savepointRetries += 1;
        outcomes = this.run(group, true)!;
      }
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing in the group was written.
      if (this.db.inTransaction) this.sql.rollback.run();
      this.afterRollback();
      group.forEach((pending) => pending.reject(error));
      this.settle();
      return;
    }
    this.stats.groups += 1;
    this.stats.writes += group.length;
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
    this.afterCommit();
    this.settle();
  }

  /** One transaction over the group; undefined when a write failed half-way without savepoints. */
  private run(group: readonly Pending[], savepoints: boolean): Outcome[] | undefined {
    const outcomes: Outcome[] = [];
    this.sql.begin.run();
    for (const pending of group) {
      const before = savepoints ? 0 : this.sql.changes.get()!;
      if (savepoints) this.sql.savepoint.run();
      try {
        outcomes.push({ ok: true, value: pending.work() });
        if (savepoints) this.sql.release.run();
      } catch (error) {
        if (savepoints) {
          this.sql.rollbackTo.run();
          this.sql.release.run();
        } else if (this.sql.changes.get() !== before) {
          this.sql.rollback.run();
          this.afterRollback();
          return undefined;
        }
        this.afterRollback();
        outcomes.push({ ok: false, error });
      }
    }
    this.sql.commit.run();
    return outcomes;
  }

  private settle(): void {
    if (!this.scheduled) this.markIdle();
  }
}
