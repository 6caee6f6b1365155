import type { Position, RecordedEvent, Subscription, SubscriptionHandler } from '../types.js';

export interface CatchUpRead {
  readonly events: RecordedEvent[];
  /** Cursor to read after next time (a position or revision). */
  readonly next: number;
  /** Where the subscription stands, reported with onCaughtUp. */
  readonly position: Position | undefined;
}

interface CatchUpOptions {
  readonly start: number;
  readonly batchSize: number;
  readonly handler: SubscriptionHandler;
  readonly pollIntervalMs: number;
  readonly read: (after: number, limit: number) => CatchUpRead;
}

/**
 * Reads in batches from an exclusive start, hands each batch to the handler
 * and waits for it, then waits for the next commit (or a poll, for writes by
 * another process). One loop per subscription, so order is the log's order
 * and no event is delivered twice.
 */
export class CatchUpSubscription implements Subscription {
  readonly done: Promise<void>;
  private finish!: () => void;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private cursor: number;

  constructor(private readonly options: CatchUpOptions) {
    this.cursor = options.start;
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  start(): void {
    void this.loop();
  }

  /**
   * After a commit: read on once the commit's own callers have run (they are
   * microtasks; the handler may be a long synchronous projection), so a
   * request answers when its write is durable, not after the read models.
   */
  wake(): void {
    const wakeUp = this.wakeUp;
    if (wakeUp) setImmediate(wakeUp);
  }

  async unsubscribe(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.done;
  }

  private async loop(): Promise<void> {
    const { handler, batchSize, read } = this.options;
    let caughtUp = false;
    try {
      while (!this.stopped) {
        const batch = read(this.cursor, batchSize);
        this.cursor = batch.next;
        if (batch.events.length > 0) {
          caughtUp = false;
          await handler.onEvents(batch.events);
          // A synchronous handler never yields to I/O: let requests and sockets in between
          // batches, or a long catch-up (a rebuild) would freeze the process until done.
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          handler.onCaughtUp?.(batch.position);
        }
        await this.nextCommit();
      }
    } catch (error) {
      this.stopped = true;
      handler.onError?.(error);
    } finally {
      this.finish();
    }
  }

  private nextCommit(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        // A wake scheduled for an earlier wait may fire late: it must not take this one's.
        if (self.wakeUp === done) self.wakeUp = undefined;
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
