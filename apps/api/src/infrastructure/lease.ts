import { WrongExpectedVersionError, type EventStore } from '@textbank/event-store';
import { lastEventOf } from './last-event.js';

/** Work that must run in one place at a time (the SMS dispatcher): started when the lease is held, stopped when it is lost. */
export interface Lease {
  hold(work: { acquired(): void; lost(): void }): void;
  readonly held: boolean;
  /** Stops renewing and gives the lease back, so another instance takes over at once. */
  release(): Promise<void>;
}

/** One process owns its SQLite log: the lease is always its own. */
export class OwnLease implements Lease {
  held = false;

  hold(work: { acquired(): void }): void {
    this.held = true;
    work.acquired();
  }

  async release(): Promise<void> {
    this.held = false;
  }
}

export const LEASE_ACQUIRED = '$LeaseAcquired';
export const LEASE_RELEASED = '$LeaseReleased';

export interface StoreLeaseOptions {
  /** How long a holder may go without renewing before another may take over. */
  readonly ttlMs?: number;
  readonly renewEveryMs?: number;
  readonly clock?: () => number;
}

interface LeaseData {
  readonly holder: string;
  readonly expiresAt: number;
}

/**
 * A lease kept in the shared store: the stream `$lease-<name>`, whose last
 * event says who holds it until when. Taking or renewing it is an append at
 * the revision just read, so two instances can never both take it; a holder
 * that stops renewing (killed) loses it when it expires, and the next
 * instance's append takes it. The holder counts its own time from before its
 * append and gives up a renewal period before expiry, so it stops before
 * anyone else may start (clocks must agree within that margin: NTP).
 * `$`-prefixed, so read models and the event log leave these events out.
 */
export class StoreLease implements Lease {
  held = false;
  private readonly stream: string;
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private readonly clock: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private heldUntil = 0;
  private revision: bigint | undefined;
  private work: { acquired(): void; lost(): void } | undefined;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    name: string,
    private readonly holder: string,
    options: StoreLeaseOptions = {},
  ) {
    this.stream = `$lease-${name}`;
    this.ttlMs = options.ttlMs ?? 15_000;
    this.renewEveryMs = options.renewEveryMs ?? Math.floor(this.ttlMs / 3);
    this.clock = options.clock ?? Date.now;
  }

  hold(work: { acquired(): void; lost(): void }): void {
    this.work = work;
    this.schedule(0);
  }

  async release(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    if (!this.held || this.revision === undefined) return;
    this.lose();
    await this.store
      .appendToStream(this.stream, [{ type: LEASE_RELEASED, data: { holder: this.holder } }], { expectedRevision: this.revision })
      .catch(() => undefined); // taken meanwhile, or the store is gone: it expires by itself
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => (this.ticking = this.tick()), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const now = this.clock();
    try {
      const last = await lastEventOf(this.store, this.stream);
      const data = last?.type === LEASE_ACQUIRED ? (last.data as LeaseData) : undefined;
      const free = !data || data.holder === this.holder || data.expiresAt <= now;
      if (!free) {
        if (this.held) this.lose();
      } else {
        const expectedRevision = last ? last.revision : 'no_stream';
        const result = await this.store.appendToStream(this.stream, [{ type: LEASE_ACQUIRED, data: { holder: this.holder, expiresAt: now + this.ttlMs } }], {
          expectedRevision,
        });
        // Only the last few events matter: EventStoreDB scavenges the rest.
        if (expectedRevision === 'no_stream') await this.store.setStreamMetadata(this.stream, { maxCount: 10 }).catch(() => undefined);
        this.revision = result.nextExpectedRevision;
        this.heldUntil = now + this.ttlMs - this.renewEveryMs;
        if (!this.held && !this.stopped) {
          this.held = true;
          this.work?.acquired();
        }
      }
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        if (this.held) this.lose();
      } else if (this.held && this.clock() >= this.heldUntil) {
        // The store cannot be reached: stop before the lease may have passed to someone else.
        this.lose();
      }
    }
    this.schedule(this.renewEveryMs);
  }

  private lose(): void {
    this.held = false;
    this.revision = undefined;
    this.work?.lost();
  }
}
