import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { event } from '../contract/index.js';
import { StoreAccessDeniedError, StoreDeadlineExceededError, StoreUnavailableError, WrongExpectedVersionError } from '../errors.js';
import { newEventId } from '../event-id.js';
import { EsdbTestServer } from '../esdb-test-server/index.js';
import type { RecordedEvent, SubscriptionHandler } from '../types.js';
import { EsdbEventStore } from './esdb-event-store.js';

const root = mkdtempSync(join(tmpdir(), 'textbank-esdb-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;

function collector(): SubscriptionHandler & { events: RecordedEvent[]; until(n: number): Promise<void> } {
  const events: RecordedEvent[] = [];
  return {
    events,
    onEvents: (batch) => void events.push(...batch),
    async until(n) {
      const deadline = Date.now() + 15_000;
      while (events.length < n) {
        if (Date.now() > deadline) throw new Error(`timed out with ${events.length}/${n} events`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

async function fill(store: EsdbEventStore, stream: string, count: number): Promise<void> {
  for (let n = 0; n < count; n += 100) {
    await store.appendToStream(stream, Array.from({ length: Math.min(100, count - n) }, (_, i) => event('Tick', { n: n + i })));
  }
}

describe('EventStoreDB adapter under faults (test server drops, delays, answers not leader)', () => {
  let server: EsdbTestServer;
  let store: EsdbEventStore;
  beforeEach(async () => {
    server = await EsdbTestServer.start({ path: join(root, `events-${++files}.db`) });
    store = new EsdbEventStore({ connectionString: server.connectionString });
  });
  afterEach(async () => {
    server.faults.reset();
    await store.close();
    await server.close();
  });

  it('a $all subscription dropped mid catch-up resubscribes after its last event: nothing twice, nothing skipped', async () => {
    const stream = `drop-${newEventId()}`;
    await fill(store, stream, 1500);
    server.faults.dropSubscriptionAfter = 400;
    const seen = collector();
    const subscription = store.subscribeToAll(seen, { filter: { streamPrefixes: [stream] }, batchSize: 50 });
    await seen.until(1500);
    expect(server.faults.seen.drops).toBe(1);
    // Dropped again while live: the next writes still arrive once each.
    server.faults.dropConnections();
    await fill(store, stream, 200);
    await seen.until(1700);
    await subscription.unsubscribe();
    const numbers = seen.events.map((e) => (e.data as { n: number }).n);
    expect(numbers).toEqual([...Array.from({ length: 1500 }, (_, n) => n), ...Array.from({ length: 200 }, (_, n) => n)]);
    expect(new Set(seen.events.map((e) => e.id)).size).toBe(1700);
  });

  it('a stream subscription dropped mid catch-up resumes after its last revision', async () => {
    const stream = `drop-${newEventId()}`;
    await fill(store, stream, 600);
    server.faults.dropSubscriptionAfter = 250;
    const seen = collector();
    const subscription = store.subscribeToStream(stream, seen, { batchSize: 40 });
    await seen.until(600);
    await subscription.unsubscribe();
    expect(server.faults.seen.drops).toBe(1);
    expect(seen.events.map((e) => e.revision)).toEqual(Array.from({ length: 600 }, (_, n) => BigInt(n)));
  });

  it('a subscription opened during a leader change follows the new leader', async () => {
    const stream = `leader-${newEventId()}`;
    await fill(store, stream, 10);
    server.faults.notLeader = 2;
    const seen = collector();
    const subscription = store.subscribeToAll(seen, { filter: { streamPrefixes: [stream] } });
    await seen.until(10);
    await subscription.unsubscribe();
    expect(server.faults.seen.notLeader).toBe(2);
    expect(seen.events.length).toBe(10);
  });

  it('an append whose answer was lost is retried with the same event ids and written once', async () => {
    const stream = `lost-${newEventId()}`;
    server.faults.dropAfterAppend = 1;
    const result = await store.appendToStream(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });
    expect(server.faults.seen.drops).toBe(1);
    expect(result.nextExpectedRevision).toBe(1n);
    server.faults.dropAfterAppend = 1;
    await store.appendToStream(stream, [event('C')]);
    const events = await store.readStream(stream);
    expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C']);
    expect(server.faults.seen.drops).toBe(2);
  });

  it('an append answered "not leader" is sent again and lands once', async () => {
    const stream = `leader-${newEventId()}`;
    server.faults.notLeader = 1;
    await store.appendToStream(stream, [event('A')], { expectedRevision: 'no_stream' });
    expect(server.faults.seen.notLeader).toBe(1);
    expect((await store.readStream(stream)).length).toBe(1);
  });

  it('a conflict is still a conflict after a retry: wrong expected version is never retried', async () => {
    const stream = `conflict-${newEventId()}`;
    await store.appendToStream(stream, [event('A')]);
    server.faults.notLeader = 1;
    const error = await store.appendToStream(stream, [event('B')], { expectedRevision: 'no_stream' }).catch((e) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error.actualVersion).toBe(0n);
  });

  it('a call slower than the deadline fails as deadline exceeded; its retry with the same ids does not duplicate', async () => {
    const slow = new EsdbEventStore({ connectionString: `${server.connectionString}&defaultDeadline=150` });
    const stream = `slow-${newEventId()}`;
    const batch = [event('A', {}, newEventId())];
    server.faults.delayMs = 400;
    const error = await slow.appendToStream(stream, batch).catch((e) => e);
    expect(error).toBeInstanceOf(StoreDeadlineExceededError);
    expect(error.message).toContain('appendToStream');
    // The server still wrote it after the client stopped waiting: the outcome was unknown, the retry finds it.
    server.faults.delayMs = 0;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await slow.appendToStream(stream, batch);
    expect((await slow.readStream(stream)).length).toBe(1);
    await slow.close();
  });

  it('access denied and an unreachable server are the port errors, with the operation named', async () => {
    server.faults.denyAccess = 1;
    const denied = await store.readStream('any-stream').catch((e) => e);
    expect(denied).toBeInstanceOf(StoreAccessDeniedError);
    expect(denied.message).toContain('readStream');
    const gone = new EsdbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false', attempts: 2 });
    const error = await gone.appendToStream('s-1', [event()]).catch((e) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toMatch(/unavailable during appendToStream/);
    await gone.close();
  });
});
