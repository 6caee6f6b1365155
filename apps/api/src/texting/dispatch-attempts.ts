import { WrongExpectedVersionError, type EventStore } from '@textbank/event-store';
import { lastEventOf } from '../infrastructure/last-event.js';
import type { Attempt, DispatchJournal, SharedAttempt } from './dispatch-journal.js';

/**
 * Where the dispatcher writes an attempt down before it asks the provider.
 * `begin` answers false when the attempt must not be made (another instance
 * holds the dispatch now); it throws when it could not be written (the store
 * is unreachable): either way the provider is not asked.
 */
export interface DispatchAttempts {
  /** Called when this instance takes up dispatching: the attempts a previous holder left open (in flight or unreconciled). */
  takeOver(): Promise<SharedAttempt[]>;
  begin(attempt: Attempt): Promise<boolean>;
}

/** One process owns its SQLite log: its own dispatch.db is the whole truth. */
export class LocalAttempts implements DispatchAttempts {
  constructor(private readonly journal: DispatchJournal) {}

  async takeOver(): Promise<SharedAttempt[]> {
    return [];
  }

  async begin(attempt: Attempt): Promise<boolean> {
    this.journal.begin(attempt);
    return true;
  }
}

export const ATTEMPTS_STREAM = '$dispatch-attempts';
export const DISPATCH_ATTEMPTS = '$DispatchAttempts';
export const DISPATCH_TAKEN_OVER = '$DispatchTakenOver';

interface AttemptsData {
  readonly attempts?: Attempt[];
  /** The oldest revision whose attempts the writer still had open: a next holder reads from there. */
  readonly openSince: string;
}

/**
 * Several instances on one EventStoreDB: the attempts also go to the shared
 * store (`$dispatch-attempts`) before the provider is asked, so an instance
 * that takes the dispatch over from one that was killed mid-send sees what
 * was in flight, records it outcome-unknown and reconciles it, instead of
 * sending it again (each instance's dispatch.db is its own).
 *
 * Every write is an append at the revision this holder last wrote. Taking
 * over appends `$DispatchTakenOver` at the revision just read, so a holder
 * that lost its lease without knowing it yet (paused, partitioned) fails its
 * next attempt there and does not send: the store fences it. Attempts made
 * in the same turn of the event loop share one append.
 */
export class SharedAttempts implements DispatchAttempts {
  private revision: bigint | undefined;
  private waiting: Array<{ attempt: Attempt; settle: (began: boolean) => void; fail: (error: unknown) => void }> = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly journal: DispatchJournal,
    private readonly holder: string,
  ) {}

  async takeOver(): Promise<SharedAttempt[]> {
    await this.writing;
    this.revision = undefined;
    for (;;) {
      const last = await lastEventOf(this.store, ATTEMPTS_STREAM);
      const openSince = last ? BigInt((last.data as unknown as AttemptsData).openSince) : 0n;
      const left: SharedAttempt[] = last ? await this.attemptsFrom(openSince) : [];
      const stillOpen = [this.journal.oldestSharedRevision(), ...left.map((a) => a.revision)].filter((r): r is bigint => r !== null);
      const marker = last ? last.revision + 1n : 0n;
      try {
        const result = await this.store.appendToStream(
          ATTEMPTS_STREAM,
          [{ type: DISPATCH_TAKEN_OVER, data: { holder: this.holder, openSince: String(stillOpen.reduce((a, b) => (b < a ? b : a), marker)) } }],
          { expectedRevision: last ? last.revision : 'no_stream' },
        );
        // Only attempts still open matter, and they are reconciled within minutes: the store may drop the rest.
        if (!last) await this.store.setStreamMetadata(ATTEMPTS_STREAM, { maxCount: 100_000 }).catch(() => undefined);
        this.revision = result.nextExpectedRevision;
        return left;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) continue; // the holder before wrote meanwhile: read again
        throw error;
      }
    }
  }

  begin(attempt: Attempt): Promise<boolean> {
    return new Promise((settle, fail) => {
      if (this.waiting.push({ attempt, settle, fail }) === 1) queueMicrotask(() => (this.writing = this.writing.then(() => this.write())));
    });
  }

  private async write(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    if (this.revision === undefined) {
      batch.forEach((w) => w.settle(false));
      return;
    }
    const revision = this.revision + 1n;
    const oldest = this.journal.oldestSharedRevision();
    const openSince = oldest !== null && oldest < revision ? oldest : revision;
    try {
      const result = await this.store.appendToStream(
        ATTEMPTS_STREAM,
        [{ type: DISPATCH_ATTEMPTS, data: { attempts: batch.map((w) => w.attempt), openSince: String(openSince) } as unknown as Record<string, unknown> }],
        { expectedRevision: this.revision },
      );
      this.revision = result.nextExpectedRevision;
      for (const w of batch) this.journal.begin(w.attempt, result.nextExpectedRevision);
      batch.forEach((w) => w.settle(true));
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        // Another instance took the dispatch over: it owns these texts now.
        this.revision = undefined;
        batch.forEach((w) => w.settle(false));
      } else {
        batch.forEach((w) => w.fail(error));
      }
    }
  }

  private async attemptsFrom(revision: bigint): Promise<SharedAttempt[]> {
    const events = await this.store.readStream(ATTEMPTS_STREAM, { fromRevision: revision });
    return events.flatMap((event) =>
      event.type === DISPATCH_ATTEMPTS ? ((event.data as unknown as AttemptsData).attempts ?? []).map((a) => ({ ...a, revision: event.revision })) : [],
    );
  }
}
