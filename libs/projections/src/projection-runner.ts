import type { Change } from '@textbank/contracts';
import { positionOf, type EventStore, type RecordedEvent, type Subscription } from '@textbank/event-store';
import type Database from 'better-sqlite3';
import { cachedStatement } from './cached-statement.js';
import type { Projector, StoredEvent } from './projector.js';

/**
 * Called after each committed batch. `resync` is true once, when the runner
 * turns live after catching up silently: listeners must tell their clients to
 * sync from their last position, since nothing was announced meanwhile.
 */
export type ChangeListener = (changes: readonly Change[], position: bigint, resync: boolean) => void;

/** How long a slice of live events may hold the thread before requests get a turn. */
const LIVE_SLICE_MS = 4;
/** Catching up (start, rebuild): longer slices, fewer commits; requests still get a turn. */
const CATCH_UP_SLICE_MS = 50;

export interface ProjectionStatus {
  /** Position every read model has reached. */
  readonly checkpoint: bigint;
  readonly caughtUp: boolean;
  readonly failed: string | undefined;
  /** From commit to read-model commit, for the last batch. */
  readonly lastBatchLagMs: number;
}

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  /** Wait before resubscribing after a failed batch. */
  readonly retryDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * One `$all` subscription feeds every projector. Each batch of read-model
 * writes commits with the new checkpoints in one transaction, so a crash
 * replays exactly what was not committed: an exactly-once effect. Only after
 * the commit are changes announced, so nobody sees a change that could be
 * rolled back.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, bigint>();
  private readonly listeners = new Set<ChangeListener>();
  private waiters: Array<{ position: bigint; resolve: (reached: boolean) => void }> = [];
  private subscription: Subscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private caughtUp = false;
  /** Whether batches build and announce changes: only once live, see ProjectionHandler. */
  private live = false;
  private failed: string | undefined;
  private lastBatchLagMs = 0;
  private stopped = true;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projectors: readonly Projector[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const names = projectors.map((p) => p.name);
    if (new Set(names).size !== names.length) throw new Error(`Projector names must be unique: ${names.join(', ')}`);
  }

  /** Prepares the tables (rebuilding projectors whose version changed) and starts following the log. */
  start(): void {
    this.db.transaction(() => {
      for (const projector of this.projectors) {
        const row = this.db
          .prepare<[string], { version: number; position: number }>('SELECT version, position FROM projection_checkpoints WHERE name = ?')
          .get(projector.name);
        if (!row || row.version !== projector.version) this.reset(projector);
        else {
          this.db.exec(projector.schema);
          this.checkpoints.set(projector.name, BigInt(row.position));
        }
      }
    })();
    this.stopped = false;
    this.subscribe();
  }

  /** For good (shutdown): nobody waiting will be answered true any more. */
  async stop(): Promise<void> {
    await this.unsubscribe();
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
  }

  /**
   * Drops every read model and replays the whole log into it. Whoever waits
   * for a position keeps waiting through it (a write answered during a
   * rebuild still reads its own result, or hears that it cannot yet).
   */
  async rebuild(): Promise<void> {
    await this.unsubscribe();
    this.db.transaction(() => this.projectors.forEach((p) => this.reset(p)))();
    this.caughtUp = false;
    this.live = false;
    this.stopped = false;
    this.subscribe();
  }

  /** Resolves true once every read model has reached `position` (read your own writes), false on timeout. */
  waitFor(position: bigint, timeoutMs = 5000): Promise<boolean> {
    if (this.checkpoint() >= position) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(this.checkpoint() >= position);
      }, timeoutMs).unref();
    });
  }

  onChanges(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  checkpoint(): bigint {
    let min: bigint | undefined;
    for (const position of this.checkpoints.values()) if (min === undefined || position < min) min = position;
    return min ?? 0n;
  }

  status(): ProjectionStatus {
    return { checkpoint: this.checkpoint(), caughtUp: this.caughtUp, failed: this.failed, lastBatchLagMs: this.lastBatchLagMs };
  }

  private async unsubscribe(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private subscribe(): void {
    const from = this.checkpoint();
    this.subscription = this.store.subscribeToAll(
      {
        onEvents: (events) => this.apply(events),
        onCaughtUp: () => {
          this.caughtUp = true;
          this.failed = undefined;
          if (!this.live) {
            this.live = true;
            const position = this.checkpoint();
            for (const listener of this.listeners) listener([], position, true);
          }
        },
        onError: (error) => this.fail(error),
      },
      {
        fromPosition: from === 0n ? 'start' : positionOf(from),
        filter: { excludeSystemEvents: true },
        batchSize: this.options.batchSize ?? 2000,
      },
    );
  }

  /**
   * A batch in slices of a few milliseconds each, one transaction and one
   * round of pushes per slice, with a turn for requests and sockets between
   * them: 32 hand-outs of 200 contacts committed together take about 100 ms
   * to project, and the texters' next requests must not wait behind all of it.
   */
  private async apply(events: readonly RecordedEvent[]): Promise<void> {
    for (let start = 0; start < events.length; ) {
      start = this.applySlice(events, start, this.live ? LIVE_SLICE_MS : CATCH_UP_SLICE_MS);
      if (start < events.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Applies events from `start` until `budgetMs` has passed (one at least); answers where it stopped. */
  private applySlice(events: readonly RecordedEvent[], start: number, budgetMs: number): number {
    const changes: Change[] = [];
    const began = performance.now();
    let end = start;
    this.db.transaction(() => {
      while (end < events.length && (end === start || performance.now() - began < budgetMs)) {
        const event = events[end++]!;
        for (const projector of this.projectors) {
          if (event.position.commit <= this.checkpoints.get(projector.name)!) continue;
          const handler = projector.handlers[event.type as keyof Projector['handlers']] as
            | ((event: StoredEvent, db: Database.Database, announce: boolean) => Change[] | void)
            | undefined;
          const produced = handler?.(event as StoredEvent, this.db, this.live);
          if (produced) changes.push(...produced);
          const logged = projector.anyEvent?.(event, this.db, this.live);
          if (logged) changes.push(...logged);
        }
      }
      const last = events[end - 1]!.position.commit;
      for (const projector of this.projectors) {
        if (last > this.checkpoints.get(projector.name)!) cachedStatement(this.db, 'UPDATE projection_checkpoints SET position = ? WHERE name = ?').run(last, projector.name);
      }
    })();
    const last = events[end - 1]!.position.commit;
    for (const projector of this.projectors) {
      if (last > this.checkpoints.get(projector.name)!) this.checkpoints.set(projector.name, last);
    }
    this.lastBatchLagMs = Date.now() - events[end - 1]!.created.getTime();
    changes.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
    if (this.live) for (const listener of this.listeners) listener(changes, last, false);
    const reached = this.checkpoint();
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > reached) return true;
      waiter.resolve(true);
      return false;
    });
    return end;
  }

  private fail(error: unknown): void {
    this.failed = error instanceof Error ? error.message : String(error);
    this.caughtUp = false;
    this.live = false;
    this.options.onError?.(error);
    this.subscription = undefined;
    if (this.stopped) return;
    // A failed batch rolled back whole; try again from the checkpoint. A poison event keeps
    // failing and keeps the health check degraded until a fixed projector is deployed.
    this.retryTimer = setTimeout(() => this.subscribe(), this.options.retryDelayMs ?? 1000);
  }

  private reset(projector: Projector): void {
    for (const table of projector.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
    this.db.exec(projector.schema);
    this.db
      .prepare(
        `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, 0)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = 0`,
      )
      .run(projector.name, projector.version);
    this.checkpoints.set(projector.name, 0n);
  }
}
