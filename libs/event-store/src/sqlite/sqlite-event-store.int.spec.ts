import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEventStoreContract, event } from '../contract/index.js';
import { createUpcaster } from '../upcasting.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const root = mkdtempSync(join(tmpdir(), 'textbank-es-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(root, `events-${++files}.db`);

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
