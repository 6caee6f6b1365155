import { SqliteEventStore } from '@textbank/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreLease } from './lease.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function sharedLog(): () => SqliteEventStore {
  const dir = mkdtempSync(join(tmpdir(), 'textbank-lease-'));
  dirs.push(dir);
  // One file, a connection per "instance", as several API processes share one store.
  return () => new SqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
}

function watch(lease: StoreLease) {
  const log: string[] = [];
  lease.hold({ acquired: () => log.push('acquired'), lost: () => log.push('lost') });
  return log;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('StoreLease: work that runs once across instances', () => {
  it('only one of three instances holds it; a killed holder loses it to another after expiry, never overlapping', async () => {
    const open = sharedLog();
    const stores = [open(), open(), open()];
    const leases = stores.map((store, i) => new StoreLease(store, 'dispatcher', `instance-${i}`, { ttlMs: 400, renewEveryMs: 100 }));
    leases.forEach(watch);
    let overlaps = 0;
    const sample = setInterval(() => (overlaps += leases.filter((l) => l.held).length > 1 ? 1 : 0), 5);
    await sleep(300);
    expect(leases.filter((l) => l.held).length).toBe(1);
    const first = leases.findIndex((l) => l.held);
    // Killed: its store goes away mid-lease, so it can neither renew nor release.
    await stores[first]!.close();
    await sleep(900);
    clearInterval(sample);
    expect(leases[first]!.held).toBe(false);
    expect(leases.filter((l) => l.held).length).toBe(1);
    expect(overlaps).toBe(0);
    for (const [i, lease] of leases.entries()) if (i !== first) await lease.release();
    for (const [i, store] of stores.entries()) if (i !== first) await store.close();
  });

  it('a released lease passes to the next instance at its next renewal, not after expiry', async () => {
    const open = sharedLog();
    const [a, b] = [open(), open()];
    const first = new StoreLease(a, 'dispatcher', 'a', { ttlMs: 60_000, renewEveryMs: 50 });
    const firstLog = watch(first);
    await sleep(150);
    const second = new StoreLease(b, 'dispatcher', 'b', { ttlMs: 60_000, renewEveryMs: 50 });
    const secondLog = watch(second);
    await sleep(150);
    expect([first.held, second.held]).toEqual([true, false]);
    await first.release();
    await sleep(200);
    expect(second.held).toBe(true);
    expect(firstLog).toEqual(['acquired', 'lost']);
    expect(secondLog).toEqual(['acquired']);
    await second.release();
    await Promise.all([a.close(), b.close()]);
  });
});
