import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEventStoreContract, event } from '../contract/index.js';
import { StreamNotFoundError } from '../errors.js';
import { newEventId } from '../event-id.js';
import { createUpcaster } from '../upcasting.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const root = mkdtempSync(join(tmpdir(), 'textbank-es-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(root, `events-${++files}.db`);

/** Writes a metadata event as an older version of this adapter could have, bypassing today's checks. */
function storeRawMetadata(db: Database.Database, stream: string, json: string): void {
  const metastream = `$$${stream}`;
  const last = db.prepare<[string], number>('SELECT last_revision FROM streams WHERE stream_id = ?').pluck().get(metastream) ?? -1;
  db.prepare(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, '$metadata', ?, '{}', ?)`).run(
    metastream,
    last + 1,
    newEventId(),
    json,
    Date.now(),
  );
  db.prepare('INSERT INTO streams (stream_id, last_revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision').run(
    metastream,
    last + 1,
  );
}

/** Runs one store operation in a separate Node process on the same file (see second-process.mjs). */
async function inSecondProcess(path: string, command: 'delete' | 'read', stream: string): Promise<unknown> {
  const script = fileURLToPath(new URL('./second-process.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script, path, command, stream], { cwd: fileURLToPath(new URL('.', import.meta.url)) });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describeEventStoreContract('sqlite', async () => {
  let now = Date.now();
  const store = new SqliteEventStore({ path: nextFile(), clock: () => now, pollIntervalMs: 50 });
  return { store, advanceClock: (ms) => (now += ms), cleanup: () => store.close() };
});

describe('SqliteEventStore on disk', () => {
  it('sets synchronous=FULL on every open, read back after a restart', async () => {
    const path = nextFile();
    const first = new SqliteEventStore({ path });
    expect(first.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await first.appendToStream('thing-1', [event()]);
    await first.close();
    const second = new SqliteEventStore({ path });
    expect(second.db.pragma('synchronous', { simple: true })).toBe(2);
    expect((await second.readStream('thing-1')).length).toBe(1);
    await second.close();
  });

  it('folds the WAL into the database from a worker thread, not inside commits', async () => {
    const path = nextFile();
    const store = new SqliteEventStore({ path });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const initial = statSync(path).size;
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.appendToStream(`wal-${i}`, [event('Big', { text: 'x'.repeat(2000) })])));
    await expect.poll(() => statSync(path).size, { timeout: 5000 }).toBeGreaterThan(initial + 200 * 2000);
    await store.close();
  });

  it('honours a configured synchronous mode', async () => {
    const store = new SqliteEventStore({ path: nextFile(), synchronous: 'NORMAL' });
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    await store.close();
  });

  it('commits appends made in the same tick as one group', async () => {
    const store = new SqliteEventStore({ path: nextFile() });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.appendToStream(`group-${i}`, [event()])));
    const positions = results.map((r) => Number(r.position!.commit));
    expect(new Set(positions).size).toBe(50);
    expect(store.groupStats).toMatchObject({ groups: 1, writes: 50, savepointRetries: 0 });
    await store.close();
  });

  it("a subscription reads a commit after the commit's own callers have run, and every commit wakes it, however close together", async () => {
    const store = new SqliteEventStore({ path: nextFile(), pollIntervalMs: 60_000 });
    const log: string[] = [];
    const seen: string[] = [];
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribeToAll({ onEvents: (events) => void seen.push(...events.map((e) => (log.push(`read ${e.streamId}`), e.streamId))), onCaughtUp: () => caughtUp() });
    await ready;
    // The caller goes through a few more steps (as a request does) before it answers.
    await store.appendToStream('first', [event()]).then(async () => {
      for (let step = 0; step < 20; step++) await Promise.resolve();
      log.push('answered first');
    });
    // Two commits in a row: the wake of the first must not swallow the second's (the poll is a minute away).
    await store.appendToStream('second', [event()]);
    await store.appendToStream('third', [event()]);
    await expect.poll(() => seen, { timeout: 2_000 }).toEqual(['first', 'second', 'third']);
    expect(log.slice(0, 2)).toEqual(['answered first', 'read first']);
    await subscription.unsubscribe();
    await store.close();
  });

  it('raises old event shapes through the upcasting hook without rewriting history', async () => {
    const path = nextFile();
    const plain = new SqliteEventStore({ path });
    await plain.appendToStream('campaign-1', [{ type: 'CampaignCreated', data: { title: 'Old' }, metadata: { ...event().metadata, schemaVersion: 1 } }]);
    await plain.close();
    const upcast = createUpcaster({ CampaignCreated: { 1: (data) => ({ name: (data as { title: string }).title }) } });
    const store = new SqliteEventStore({ path, upcast });
    const [raised] = await store.readStream('campaign-1');
    expect(raised!.data).toEqual({ name: 'Old' });
    expect(raised!.metadata['schemaVersion']).toBe(2);
    const stored = store.db.prepare('SELECT data FROM events').pluck().get();
    expect(JSON.parse(stored as string)).toEqual({ title: 'Old' });
    await store.close();
  });

  it('rejects bad stream names and event ids before writing anything', async () => {
    const store = new SqliteEventStore({ path: nextFile() });
    await expect(store.appendToStream('', [event()])).rejects.toThrow(/stream name/);
    await expect(store.appendToStream('$all', [event()])).rejects.toThrow(/\$all/);
    await expect(store.appendToStream('x-1', [event('T', {}, 'not-a-uuid')])).rejects.toThrow(/UUID/);
    expect(await store.headPosition()).toBeUndefined();
    await store.close();
  });

  it('reads malformed stored metadata as absent: reads, appends and subscriptions never throw', async () => {
    const store = new SqliteEventStore({ path: nextFile(), pollIntervalMs: 20 });
    for (const json of ['null', '{"$tb":"abc"}', '{"$tb":1.5}', '{"$maxCount":"many"}', '[1]', '"text"']) {
      const stream = `thing-${newEventId()}`;
      await store.appendToStream(stream, [event('A')]);
      storeRawMetadata(store.db, stream, json);
      expect((await store.readStream(stream)).map((e) => e.type), json).toEqual(['A']);
      await store.appendToStream(stream, [event('B')], { expectedRevision: 0n });
      expect((await store.getStreamMetadata(stream)).metadata).toEqual({});
      const seen: string[] = [];
      const subscription = store.subscribeToStream(stream, { onEvents: (batch) => void seen.push(...batch.map((e) => e.type)) });
      await expect.poll(() => seen).toEqual(['A', 'B']);
      await subscription.unsubscribe();
    }
    await store.close();
  });

  it('stores the soft-delete marker as a JSON long, as EventStoreDB does', async () => {
    const store = new SqliteEventStore({ path: nextFile() });
    await store.appendToStream('thing-1', [event('A')]);
    await store.deleteStream('thing-1');
    const stored = store.db.prepare("SELECT data FROM events WHERE stream_id = '$$thing-1'").pluck().get();
    expect(stored).toContain('"$tb":9223372036854775807');
    await store.close();
  });

  it('still reads a soft-delete marker written as MAX_SAFE_INTEGER by earlier versions as deleted', async () => {
    const store = new SqliteEventStore({ path: nextFile() });
    await store.appendToStream('thing-1', [event('A'), event('B')]);
    storeRawMetadata(store.db, 'thing-1', '{"$tb":"9007199254740991"}');
    await expect(store.readStream('thing-1')).rejects.toBeInstanceOf(StreamNotFoundError);
    expect((await store.getStreamMetadata('thing-1')).metadata.truncateBefore).toBe(2n ** 63n - 1n);
    await store.appendToStream('thing-1', [event('C')], { expectedRevision: 1n });
    expect((await store.readStream('thing-1')).map((e) => [e.type, e.revision])).toEqual([['C', 2n]]);
    await store.close();
  });

  it('matches event ids stored in upper case by earlier versions, in any case, and reads them in lower case', async () => {
    const store = new SqliteEventStore({ path: nextFile() });
    const id = newEventId();
    store.db
      .prepare(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES ('thing-1', 0, ?, 'A', '{}', '{}', 0)`)
      .run(id.toUpperCase());
    store.db.prepare(`INSERT INTO streams (stream_id, last_revision) VALUES ('thing-1', 0)`).run();
    const exact = await store.appendToStream('thing-1', [event('A', {}, id)], { expectedRevision: 'no_stream' });
    const any = await store.appendToStream('thing-1', [event('A', {}, id)]);
    expect([exact.nextExpectedRevision, any.nextExpectedRevision]).toEqual([0n, 0n]);
    expect((await store.readStream('thing-1')).map((e) => e.id)).toEqual([id]);
    await store.close();
  });

  it('sees a soft delete made by another process: its next append here stays visible to a fresh process', async () => {
    const path = nextFile();
    const here = new SqliteEventStore({ path });
    await here.appendToStream('thing-x', [event('A'), event('B')]);
    expect((await here.readStream('thing-x')).length).toBe(2);
    expect(await inSecondProcess(path, 'delete', 'thing-x')).toBe('deleted');
    await expect(here.readStream('thing-x')).rejects.toBeInstanceOf(StreamNotFoundError);
    const appended = await here.appendToStream('thing-x', [event('C')]);
    expect(appended.nextExpectedRevision).toBe(2n);
    expect(await inSecondProcess(path, 'read', 'thing-x')).toEqual([['C', 2]]);
    await here.close();
  });

  it('delivers to a subscription events appended by another connection to the same file', async () => {
    const path = nextFile();
    const reader = new SqliteEventStore({ path, pollIntervalMs: 20 });
    const writer = new SqliteEventStore({ path });
    const seen: string[] = [];
    const subscription = reader.subscribeToAll({ onEvents: (batch) => void seen.push(...batch.map((e) => e.type)) });
    await writer.appendToStream('other-1', [event('FromElsewhere')]);
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(['FromElsewhere']);
    await subscription.unsubscribe();
    await writer.close();
    await reader.close();
  });
});
