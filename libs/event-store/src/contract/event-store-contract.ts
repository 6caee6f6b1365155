import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidAppendError, StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import { newEventId } from '../event-id.js';
import type { EventStore } from '../event-store.js';
import type { EventData, RecordedEvent, SubscriptionHandler } from '../types.js';

export interface ContractHarness {
  store: EventStore;
  /** Moves the store's clock, for maxAge; adapters without a controllable clock skip those rules. */
  advanceClock?: (ms: number) => void;
  cleanup(): Promise<void>;
}

const meta = (n = 0) => ({
  actor: { id: 'person-1', kind: 'person' as const },
  causationId: `cmd-${n}`,
  correlationId: 'corr-1',
  timestamp: new Date(0).toISOString(),
  schemaVersion: 1,
});

export const event = (type = 'ThingHappened', data: unknown = {}, id?: string): EventData => ({
  ...(id && { id }),
  type,
  data,
  metadata: meta(),
});

let streamCounter = 0;
const freshStream = (category = 'thing') => `${category}-${process.pid}x${++streamCounter}x${Date.now()}`;

function collect(): SubscriptionHandler & { events: RecordedEvent[]; caughtUp: number; until(n: number): Promise<void> } {
  const events: RecordedEvent[] = [];
  let waiters: Array<() => void> = [];
  const handler = {
    events,
    caughtUp: 0,
    onEvents(batch: readonly RecordedEvent[]) {
      events.push(...batch);
      waiters.forEach((w) => w());
    },
    onCaughtUp() {
      handler.caughtUp += 1;
      waiters.forEach((w) => w());
    },
    async until(n: number) {
      const deadline = Date.now() + 10_000;
      while (events.length < n) {
        if (Date.now() > deadline) throw new Error(`timed out with ${events.length}/${n} events`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
        waiters = [];
      }
    },
  };
  return handler;
}

/**
 * The rules every EventStore adapter must keep: EventStoreDB's semantics.
 * Written once; run by each adapter's spec with a factory for a fresh store.
 */
export function describeEventStoreContract(name: string, create: () => Promise<ContractHarness>): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    beforeEach(async () => {
      harness = await create();
      store = harness.store;
    });
    afterEach(async () => harness.cleanup());

    describe('appendToStream', () => {
      it('numbers revisions from 0 and returns the next expected revision and $all position', async () => {
        const stream = freshStream();
        const first = await store.appendToStream(stream, [event(), event()], { expectedRevision: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(1n);
        const second = await store.appendToStream(stream, [event()], { expectedRevision: 1n });
        expect(second.nextExpectedRevision).toBe(2n);
        expect(second.position!.commit > first.position!.commit).toBe(true);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(events[2]!.position).toEqual(second.position);
      });

      it('checks no_stream, stream_exists, any and exact revisions', async () => {
        const stream = freshStream();
        await expect(store.appendToStream(stream, [event()], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await expect(store.appendToStream(stream, [event()], { expectedRevision: 0n })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.appendToStream(stream, [event()], { expectedRevision: 'stream_exists' });
        await store.appendToStream(stream, [event()], { expectedRevision: 'any' });
        await store.appendToStream(stream, [event()]);
        const error = await store.appendToStream(stream, [event()], { expectedRevision: 1n }).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error.expectedVersion).toBe(1n);
        expect(error.actualVersion).toBe(3n);
        expect(error.streamName).toBe(stream);
        expect((await store.readStream(stream)).length).toBe(4);
      });

      it('stream_exists accepts a stream that has only metadata, as EventStoreDB does', async () => {
        const stream = freshStream();
        await store.setStreamMetadata(stream, { maxCount: 5 });
        const result = await store.appendToStream(stream, [event()], { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(0n);
      });

      it('writes all events of an append or none', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A')]);
        await expect(
          store.appendToStream(stream, [event('B'), event('C'), event('D')], { expectedRevision: 5n }),
        ).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
      });

      it('keeps event ids, types, data and metadata', async () => {
        const stream = freshStream();
        const id = newEventId();
        await store.appendToStream(stream, [{ id, type: 'Named', data: { name: 'Ada', n: 1 }, metadata: meta(7) }]);
        const [recorded] = await store.readStream(stream);
        expect(recorded).toMatchObject({ id, type: 'Named', data: { name: 'Ada', n: 1 }, streamId: stream, revision: 0n });
        expect(recorded!.metadata).toMatchObject({ causationId: 'cmd-7', correlationId: 'corr-1', schemaVersion: 1 });
        expect(recorded!.created).toBeInstanceOf(Date);
      });

      it('gives events without an id a UUIDv7', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event(), event()]);
        const [a, b] = await store.readStream(stream);
        expect(a!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(a!.id).not.toBe(b!.id);
      });

      it('refuses domain events without actor, causation, correlation, timestamp and schema version', async () => {
        await expect(store.appendToStream(freshStream(), [{ type: 'Bare', data: {} }])).rejects.toThrow(/metadata\.actor/);
      });

      it('refuses null where a required metadata field belongs, not only a missing one', async () => {
        const stream = freshStream();
        for (const field of ['actor', 'causationId', 'correlationId', 'timestamp', 'schemaVersion']) {
          const metadata = { ...meta(), [field]: null };
          const error = await store.appendToStream(stream, [{ type: 'Nulled', data: {}, metadata }]).catch((e) => e);
          expect(error).toBeInstanceOf(InvalidAppendError);
          expect(String(error)).toContain(`metadata.${field}`);
        }
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('idempotency by event id', () => {
      it('a retried append at an exact revision succeeds without writing twice', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('Zero')]);
        const batch = [event('One', {}, newEventId()), event('Two', {}, newEventId())];
        const first = await store.appendToStream(stream, batch, { expectedRevision: 0n });
        const retry = await store.appendToStream(stream, batch, { expectedRevision: 0n });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(retry.position).toEqual(first.position);
        expect((await store.readStream(stream)).length).toBe(3);
      });

      it('a retried no_stream append succeeds without writing twice', async () => {
        const stream = freshStream();
        const batch = [event('Created', {}, newEventId())];
        await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(0n);
        expect((await store.readStream(stream)).length).toBe(1);
      });

      it('a retried any append finds recent ids and does not write twice', async () => {
        const stream = freshStream();
        const batch = [event('A', {}, newEventId()), event('B', {}, newEventId())];
        await store.appendToStream(stream, batch);
        await store.appendToStream(stream, [event('C')]);
        const retry = await store.appendToStream(stream, batch);
        expect(retry.nextExpectedRevision).toBe(1n);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('the same ids at a different place are a conflict, not a retry', async () => {
        const stream = freshStream();
        const batch = [event('A', {}, newEventId())];
        await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        await store.appendToStream(stream, [event('B')]);
        await expect(store.appendToStream(stream, batch, { expectedRevision: 0n })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
      });

      it('a batch that repeats only some ids of an earlier one is refused and writes nothing (any, stream_exists)', async () => {
        const stream = freshStream();
        const [a, b, c] = [newEventId(), newEventId(), newEventId()];
        const first = await store.appendToStream(stream, [event('A', {}, a), event('B', {}, b)]);
        // EventStoreDB's idempotency check: the first id is found, a later one is not: a partial match, answered as a conflict.
        for (const expectedRevision of ['any', 'stream_exists'] as const) {
          await expect(store.appendToStream(stream, [event('A', {}, a), event('C', {}, c)], { expectedRevision })).rejects.toBeInstanceOf(
            WrongExpectedVersionError,
          );
          await expect(store.appendToStream(stream, [event('B', {}, b), event('C', {}, c)], { expectedRevision })).rejects.toBeInstanceOf(
            WrongExpectedVersionError,
          );
        }
        const retry = await store.appendToStream(stream, [event('A', {}, a), event('B', {}, b)]);
        expect(retry).toEqual(first);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('event ids compare as UUIDs: a retry in other letter case is the same event', async () => {
        const stream = freshStream();
        const id = newEventId();
        const first = await store.appendToStream(stream, [event('A', {}, id.toUpperCase())], { expectedRevision: 'no_stream' });
        const exact = await store.appendToStream(stream, [event('A', {}, id)], { expectedRevision: 'no_stream' });
        const any = await store.appendToStream(stream, [event('A', {}, id)]);
        expect(exact).toEqual(first);
        expect(any).toEqual(first);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.id)).toEqual([id.toLowerCase()]);
      });

      it('two identical appends submitted together write once', async () => {
        const stream = freshStream();
        const batch = [event('A', {}, newEventId())];
        const [a, b] = await Promise.all([
          store.appendToStream(stream, batch, { expectedRevision: 'no_stream' }),
          store.appendToStream(stream, batch, { expectedRevision: 'no_stream' }),
        ]);
        expect(a.position).toEqual(b.position);
        expect((await store.readStream(stream)).length).toBe(1);
      });
    });

    describe('readStream', () => {
      it('reads forwards and backwards from a revision with maxCount', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [0, 1, 2, 3, 4].map((n) => event('N', { n })));
        const forwards = await store.readStream(stream, { fromRevision: 1n, maxCount: 2 });
        expect(forwards.map((e) => e.revision)).toEqual([1n, 2n]);
        const backwards = await store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 });
        expect(backwards.map((e) => e.revision)).toEqual([3n, 2n]);
        const fromEnd = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
        expect(fromEnd.map((e) => e.revision)).toEqual([4n]);
        expect(await store.readStream(stream, { fromRevision: 9n })).toEqual([]);
      });

      it('throws StreamNotFoundError for a stream never written', async () => {
        await expect(store.readStream(freshStream())).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('readAll', () => {
      it('reads forwards (inclusive) and backwards (exclusive) from a position', async () => {
        const stream = freshStream();
        const results = [];
        for (const n of [0, 1, 2]) results.push(await store.appendToStream(stream, [event('N', { n })]));
        const forwards = await store.readAll({ fromPosition: results[1]!.position!, maxCount: 10, filter: { streamPrefixes: [stream] } });
        expect(forwards.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
        const backwards = await store.readAll({ direction: 'backwards', fromPosition: results[2]!.position!, maxCount: 10, filter: { streamPrefixes: [stream] } });
        expect(backwards.map((e) => e.data)).toEqual([{ n: 1 }, { n: 0 }]);
        const latest = await store.readAll({ direction: 'backwards', maxCount: 1 });
        expect(latest[0]!.position).toEqual(results[2]!.position);
      });

      it('filters by event type and stream prefix and can leave out system events', async () => {
        const a = freshStream('alpha');
        const b = freshStream('beta');
        await store.appendToStream(a, [event('Kept'), event('Dropped')]);
        await store.appendToStream(b, [event('Kept')]);
        await store.setStreamMetadata(a, { maxCount: 10 });
        const byType = await store.readAll({ filter: { eventTypes: ['Kept'], streamPrefixes: [a, b] } });
        expect(byType.map((e) => e.streamId)).toEqual([a, b]);
        const byPrefix = await store.readAll({ filter: { streamPrefixes: [a] } });
        expect(byPrefix.map((e) => e.type)).toEqual(['Kept', 'Dropped']);
        await store.appendToStream(`${a}-longer`, [event('Kept')]);
        const byName = await store.readAll({ direction: 'backwards', filter: { streamNames: [a] } });
        expect(byName.map((e) => [e.streamId, e.type])).toEqual([
          [a, 'Dropped'],
          [a, 'Kept'],
        ]);
        const all = await store.readAll({ filter: { excludeSystemEvents: true } });
        expect(all.some((e) => e.type.startsWith('$'))).toBe(false);
        const withSystem = await store.readAll();
        expect(withSystem.some((e) => e.type === '$metadata' && e.streamId === `$$${a}`)).toBe(true);
      });
    });

    describe('stream metadata', () => {
      it('maxCount keeps only the latest events readable', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [0, 1, 2, 3].map((n) => event('N', { n })));
        await store.setStreamMetadata(stream, { maxCount: 2 });
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([2n, 3n]);
        expect((await store.getStreamMetadata(stream)).metadata).toEqual({ maxCount: 2 });
      });

      it('truncateBefore hides earlier revisions; nothing is physically deleted', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [0, 1, 2].map((n) => event('N', { n })));
        await store.setStreamMetadata(stream, { truncateBefore: 2n });
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([2n]);
        expect((await store.readAll({ filter: { streamPrefixes: [stream] } })).length).toBe(3);
      });

      it('maxAge hides events older than its seconds', async (context) => {
        if (!harness.advanceClock) return context.skip();
        const stream = freshStream();
        await store.appendToStream(stream, [event('Old')]);
        harness.advanceClock(120_000);
        await store.appendToStream(stream, [event('New')]);
        await store.setStreamMetadata(stream, { maxAge: 60 });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['New']);
      });

      it('refuses malformed metadata events and keeps the stream readable and writable', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A')]);
        const malformed: unknown[] = [null, 'text', [1], { $tb: 'abc' }, { $tb: -1 }, { $maxCount: 0 }, { $maxAge: 1.5 }];
        for (const data of malformed) {
          const error = await store.appendToStream(`$$${stream}`, [{ type: '$metadata', data }]).catch((e) => e);
          expect(error, JSON.stringify(data)).toBeInstanceOf(InvalidAppendError);
        }
        await expect(store.setStreamMetadata(stream, { custom: { $tb: 'abc' } })).rejects.toBeInstanceOf(InvalidAppendError);
        await store.appendToStream(stream, [event('B')]);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
        expect((await store.getStreamMetadata(stream)).metastreamRevision).toBeUndefined();
        await store.appendToStream(`$$${stream}`, [{ type: '$metadata', data: { $maxCount: 1, note: 'raw' } }]);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['B']);
      });

      it('metadata writes use expected revisions on the metadata stream', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event()]);
        const first = await store.setStreamMetadata(stream, { maxCount: 5 }, { expectedRevision: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(0n);
        await expect(store.setStreamMetadata(stream, { maxCount: 6 }, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        expect((await store.getStreamMetadata(stream)).metastreamRevision).toBe(0n);
      });
    });

    describe('deleting', () => {
      it('soft delete: reads say not found; a later append continues the numbering with only new events visible', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A'), event('B')]);
        await store.deleteStream(stream, { expectedRevision: 1n });
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        const result = await store.appendToStream(stream, [event('C')], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2n);
        expect((await store.readStream(stream)).map((e) => [e.type, e.revision])).toEqual([['C', 2n]]);
        expect((await store.readAll({ filter: { streamPrefixes: [stream], excludeSystemEvents: true } })).length).toBe(3);
      });

      it('after a soft delete the stream keeps its last revision: an exact append recreates it, a wrong one conflicts', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A'), event('B')]);
        await store.deleteStream(stream);
        const error = await store.appendToStream(stream, [event('X')], { expectedRevision: 0n }).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error.actualVersion).toBe(1n);
        const result = await store.appendToStream(stream, [event('C')], { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(2n);
        expect((await store.readStream(stream)).map((e) => [e.type, e.revision])).toEqual([['C', 2n]]);
      });

      it('stream_exists on a soft-deleted stream answers stream deleted; the stream can still come back', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A')]);
        await store.deleteStream(stream);
        await expect(store.appendToStream(stream, [event('B')], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
          StreamDeletedError,
        );
        await store.appendToStream(stream, [event('B')], { expectedRevision: 'any' });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['B']);
      });

      it("soft delete writes EventStoreDB's marker: truncateBefore 2^63-1", async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A')]);
        await store.setStreamMetadata(stream, { maxCount: 3, custom: { owner: 'ops' } });
        await store.deleteStream(stream);
        const { metadata } = await store.getStreamMetadata(stream);
        expect(metadata.truncateBefore).toBe(2n ** 63n - 1n);
      });

      it('metadata written after a soft delete keeps the deleted events hidden', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A'), event('B')]);
        await store.deleteStream(stream);
        await store.setStreamMetadata(stream, { maxCount: 100 });
        // EventStoreDB rewrites the new metadata's $tb to the first revision after the deleted ones.
        expect(await store.readStream(stream)).toEqual([]);
        expect((await store.getStreamMetadata(stream)).metadata).toEqual({ maxCount: 100, truncateBefore: 2n });
        await store.appendToStream(stream, [event('C')], { expectedRevision: 1n });
        expect((await store.readStream(stream)).map((e) => [e.type, e.revision])).toEqual([['C', 2n]]);
      });

      it('tombstone: the stream can never be read or written again, its events stay in $all', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A')]);
        await store.tombstoneStream(stream);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
        await expect(store.appendToStream(stream, [event('B')])).rejects.toBeInstanceOf(StreamDeletedError);
        await expect(store.appendToStream(stream, [event('B')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          StreamDeletedError,
        );
        expect((await store.readAll({ filter: { streamPrefixes: [stream] } })).length).toBe(1);
      });

      it('deletes check the expected revision', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A')]);
        await expect(store.deleteStream(stream, { expectedRevision: 5n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(store.tombstoneStream(stream, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
      });
    });

    describe('concurrency', () => {
      it('appenders racing on one stream at the same revision: exactly one wins each revision', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('Start')]);
        for (let round = 0; round < 5; round++) {
          const expectedRevision = BigInt(round);
          const outcomes = await Promise.allSettled(
            Array.from({ length: 20 }, (_, i) => store.appendToStream(stream, [event('Racer', { round, i })], { expectedRevision })),
          );
          expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(1);
          for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
        }
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      });

      it('a conflict in a group fails only its own append', async () => {
        const ok = freshStream();
        const conflicted = freshStream();
        await store.appendToStream(conflicted, [event()]);
        const [good, bad] = await Promise.allSettled([
          store.appendToStream(ok, [event('Fine')], { expectedRevision: 'no_stream' }),
          store.appendToStream(conflicted, [event('Late')], { expectedRevision: 'no_stream' }),
        ]);
        expect(good.status).toBe('fulfilled');
        expect(bad.status).toBe('rejected');
        expect((await store.readStream(ok)).length).toBe(1);
      });
    });

    describe('subscriptions', () => {
      it('$all: catches up from an exclusive position, then goes live', async () => {
        const stream = freshStream();
        const first = await store.appendToStream(stream, [event('One')]);
        await store.appendToStream(stream, [event('Two')]);
        const seen = collect();
        const subscription = store.subscribeToAll(seen, { fromPosition: first.position!, filter: { streamPrefixes: [stream] } });
        await seen.until(1);
        await store.appendToStream(stream, [event('Three')]);
        await seen.until(2);
        await subscription.unsubscribe();
        expect(seen.events.map((e) => e.type)).toEqual(['Two', 'Three']);
        expect(seen.caughtUp).toBeGreaterThanOrEqual(1);
      });

      it('$all with an event-type filter delivers only those types', async () => {
        const stream = freshStream();
        const seen = collect();
        const subscription = store.subscribeToAll(seen, { fromPosition: 'end', filter: { eventTypes: ['Wanted'] } });
        await store.appendToStream(stream, [event('Unwanted'), event('Wanted'), event('Unwanted'), event('Wanted')]);
        await seen.until(2);
        await subscription.unsubscribe();
        expect(seen.events.map((e) => e.type)).toEqual(['Wanted', 'Wanted']);
      });

      it('a stream subscription delivers that stream only, from an exclusive revision', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A'), event('B')]);
        const seen = collect();
        const subscription = store.subscribeToStream(stream, seen, { fromRevision: 0n });
        await store.appendToStream(freshStream(), [event('Elsewhere')]);
        await store.appendToStream(stream, [event('C')]);
        await seen.until(2);
        await subscription.unsubscribe();
        expect(seen.events.map((e) => [e.type, e.revision])).toEqual([
          ['B', 1n],
          ['C', 2n],
        ]);
      });

      it('a stream subscription hides what readStream hides: soft-deleted and truncated events', async () => {
        const deleted = freshStream();
        await store.appendToStream(deleted, [event('A'), event('B')]);
        await store.deleteStream(deleted);
        await store.appendToStream(deleted, [event('C')]);
        const counted = freshStream();
        await store.appendToStream(counted, [0, 1, 2, 3].map((n) => event('N', { n })));
        await store.setStreamMetadata(counted, { maxCount: 2 });
        const truncated = freshStream();
        await store.appendToStream(truncated, [0, 1, 2].map((n) => event('N', { n })));
        await store.setStreamMetadata(truncated, { truncateBefore: 2n });
        for (const stream of [deleted, counted, truncated]) {
          const seen = collect();
          const subscription = store.subscribeToStream(stream, seen);
          const visible = await store.readStream(stream);
          await seen.until(visible.length);
          await store.appendToStream(stream, [event('Live')]);
          await seen.until(visible.length + 1);
          await subscription.unsubscribe();
          expect(seen.events.map((e) => e.revision)).toEqual([...visible.map((e) => e.revision), visible.at(-1)!.revision + 1n]);
        }
      });

      it('a subscription to a soft-deleted stream waits for it to come back', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event('A')]);
        await store.deleteStream(stream);
        const seen = collect();
        const subscription = store.subscribeToStream(stream, seen);
        await store.appendToStream(stream, [event('Back')]);
        await seen.until(1);
        await subscription.unsubscribe();
        expect(seen.events.map((e) => [e.type, e.revision])).toEqual([['Back', 1n]]);
      });

      it('sees every event exactly once and in order while 10 writers append', async () => {
        const prefix = freshStream('race');
        const seen = collect();
        const subscription = store.subscribeToAll(seen, { fromPosition: 'end', filter: { streamPrefixes: [prefix] } });
        const perWriter = 50;
        await Promise.all(
          Array.from({ length: 10 }, async (_, writer) => {
            for (let n = 0; n < perWriter; n++) {
              await store.appendToStream(`${prefix}-${writer}`, [event('Tick', { writer, n })]);
              if (n % 7 === 0) await new Promise((r) => setTimeout(r, 1));
            }
          }),
        );
        await seen.until(10 * perWriter);
        await subscription.unsubscribe();
        expect(seen.events.length).toBe(10 * perWriter);
        expect(new Set(seen.events.map((e) => e.id)).size).toBe(10 * perWriter);
        const positions = seen.events.map((e) => e.position.commit);
        expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
        for (let writer = 0; writer < 10; writer++) {
          const mine = seen.events.filter((e) => e.streamId === `${prefix}-${writer}`).map((e) => (e.data as { n: number }).n);
          expect(mine).toEqual(Array.from({ length: perWriter }, (_, n) => n));
        }
      });

      it('a handler that throws stops the subscription and reports the error', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [event()]);
        const error = await new Promise((resolve) => {
          store.subscribeToAll(
            {
              onEvents() {
                throw new Error('projector bug');
              },
              onError: resolve,
            },
            { filter: { streamPrefixes: [stream] } },
          );
        });
        expect(String(error)).toContain('projector bug');
      });
    });
  });
}
