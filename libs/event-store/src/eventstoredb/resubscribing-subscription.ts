import type { Readable } from 'node:stream';
import type { Position, RecordedEvent, Subscription, SubscriptionHandler } from '../types.js';
import { isTransient, portError } from './esdb-errors.js';

/** The client's subscription: a readable of resolved events that also emits `caughtUp`. */
export interface ClientSubscription extends Readable {
  unsubscribe(): Promise<void>;
}

export interface ResubscribingOptions<From> {
  readonly handler: SubscriptionHandler;
  readonly batchSize: number;
  readonly operation: string;
  readonly streamName?: string;
  /** Opens the client's subscription after `from` (exclusive). */
  readonly open: (from: From) => ClientSubscription;
  readonly start: From;
  /** Where to resume after an event that was handed over or skipped. */
  readonly resumeAfter: (event: RecordedEvent) => From;
  /** The client's resolved event as the port's, or undefined for one to skip (a link to nothing). */
  readonly convert: (resolved: unknown) => RecordedEvent | undefined;
  /** What the server could not filter: checked here. */
  readonly keep: (event: RecordedEvent) => boolean;
  readonly maxRetries?: number;
}

const BACKOFF_MS = [50, 100, 250, 500, 1000, 2000];

/**
 * A catch-up subscription that survives a dropped connection or a leader
 * change: it resubscribes after the last event it handed over (or skipped),
 * so nothing is delivered twice or missed. The port's handler gets batches
 * and is awaited; a failing handler stops the subscription (no resubscribe).
 * Gives up after `maxRetries` failed attempts in a row without progress.
 */
export class ResubscribingSubscription<From> implements Subscription {
  private stopped = false;
  private current: ClientSubscription | undefined;
  /** Ends the wait on the current client subscription (unsubscribe cancels it without an end). */
  private release: (() => void) | undefined;
  private from: From;
  private lastPosition: Position | undefined;
  readonly done: Promise<void>;

  constructor(private readonly options: ResubscribingOptions<From>) {
    this.from = options.start;
    this.done = this.run();
  }

  async unsubscribe(): Promise<void> {
    this.stopped = true;
    const current = this.current;
    this.release?.();
    await current?.unsubscribe().catch(() => undefined);
    await this.done;
  }

  private async run(): Promise<void> {
    const { handler, maxRetries = BACKOFF_MS.length } = this.options;
    let failures = 0;
    while (!this.stopped) {
      const before = this.from;
      let failure: unknown;
      try {
        await this.consume(this.options.open(this.from));
      } catch (error) {
        failure = error;
      }
      if (this.stopped) return;
      if (failure instanceof HandlerError) {
        this.stopped = true;
        handler.onError?.(failure.cause);
        return;
      }
      const error = failure instanceof SubscriptionEnded ? failure : portError(failure, this.options.operation, this.options.streamName);
      failures = this.from === before ? failures + 1 : 1;
      if (!(error instanceof SubscriptionEnded || isTransient(error)) || failures > maxRetries) {
        this.stopped = true;
        handler.onError?.(error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1]));
    }
  }

  /** Reads the client's subscription in batches until it fails or is released. */
  private consume(subscription: ClientSubscription): Promise<void> {
    this.current = subscription;
    const { handler, batchSize, convert, keep, resumeAfter } = this.options;
    return new Promise<void>((resolve, reject) => {
      let busy = false;
      let caughtUp = false;
      let finished = false;
      const finish = (error?: unknown) => {
        if (finished) return;
        finished = true;
        this.release = undefined;
        subscription.removeAllListeners('readable');
        // Stays attached: a late error from a cancelled call must not be unhandled.
        subscription.on('error', () => undefined);
        void subscription.unsubscribe().catch(() => undefined);
        if (error === undefined) resolve();
        else reject(error);
      };
      this.release = () => finish();
      const pump = async () => {
        if (busy || finished) return;
        busy = true;
        try {
          for (;;) {
            const batch: RecordedEvent[] = [];
            let read = 0;
            let resolved: unknown;
            while (read < batchSize && (resolved = subscription.read()) !== null) {
              read += 1;
              const event = convert(resolved);
              if (!event) continue;
              this.from = resumeAfter(event);
              this.lastPosition = event.position;
              if (keep(event)) batch.push(event);
            }
            if (batch.length > 0) {
              try {
                await handler.onEvents(batch);
              } catch (error) {
                throw new HandlerError(error);
              }
              if (finished) return;
            }
            if (read < batchSize) break;
          }
          if (caughtUp && subscription.readableLength === 0) {
            caughtUp = false;
            handler.onCaughtUp?.(this.lastPosition);
          }
        } catch (error) {
          finish(error);
        } finally {
          busy = false;
        }
        if (!finished && subscription.readableLength > 0) void pump();
      };
      subscription.on('readable', () => void pump());
      subscription.on('caughtUp', () => {
        caughtUp = true;
        void pump();
      });
      subscription.on('error', (error) => finish(error ?? new Error('subscription failed')));
      subscription.on('end', () => finish(new SubscriptionEnded()));
    });
  }
}

/** A handler's own failure: ends the subscription, never retried. */
class HandlerError extends Error {
  constructor(override readonly cause: unknown) {
    super('handler failed');
  }
}

/** The server closed the subscription without an error (a node shutting down): resubscribe. */
class SubscriptionEnded extends Error {
  constructor() {
    super('The server ended the subscription');
  }
}
