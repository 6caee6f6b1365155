import { allProjectors, eventTypes, listCampaigns, openReadModelDatabase, ProjectionRunner } from '@textbank/projections';
import { SqliteEventStore } from '@textbank/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi, type ApiProcess } from './api-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'textbank-crash-'));
const owner = { organizationName: 'Crash Test Org', name: 'Ada', email: 'ada@example.org', password: 'correct horse battery' };
let api: ApiProcess | undefined;
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(url: string, body: unknown, cookie = '') {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, string>, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

describe('a SIGKILL in the middle of a burst of appends', () => {
  it('loses no acknowledged command, and the read models equal a rebuild from zero', async () => {
    api = await startApi(dataDir);
    const { cookie } = await post(`${api.url}/api/setup`, owner);
    expect(cookie).toMatch(/^textbank_session=/);

    // 300 campaign creations, 30 in flight; kill the process once 100 are acknowledged.
    const acknowledged: Array<{ id: string; position: string }> = [];
    let next = 0;
    let killed: Promise<void> | undefined;
    const target = api;
    const worker = async () => {
      while (next < 300) {
        const n = next++;
        try {
          const response = await post(`${target.url}/api/campaigns`, { name: `Burst ${n}` }, cookie);
          if (response.status === 201) acknowledged.push({ id: response.body.id!, position: response.body.position! });
        } catch {
          // The connection died with the process: not acknowledged, so it may or may not be there.
        }
        if (acknowledged.length >= 100 && !killed) killed = target.kill();
      }
    };
    await Promise.all(Array.from({ length: 30 }, worker));
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);
    expect(acknowledged.length).toBeLessThan(300);

    api = await startApi(dataDir);
    const session = await post(`${api.url}/api/session`, { email: owner.email, password: owner.password });
    expect(session.status).toBe(200);
    const health = (await (await fetch(`${api.url}/api/health`)).json()) as { store: { adapter: string } };
    await expect
      .poll(async () => ((await (await fetch(`${api!.url}/api/health`)).json()) as { projections: { lagEvents: number } }).projections.lagEvents, { timeout: 10_000 })
      .toBe(0);
    const listed = (await (await fetch(`${api.url}/api/campaigns`, { headers: { cookie: session.cookie } })).json()) as { campaigns: Array<{ id: string }> };
    const ids = new Set(listed.campaigns.map((c) => c.id));
    for (const ack of acknowledged) expect(ids.has(ack.id), `acknowledged campaign ${ack.id}`).toBe(true);
    expect(health.store.adapter).toBe('sqlite');
    await api.stop();
    api = undefined;

    // The read models the restarted API left behind equal a fresh rebuild from position 0.
    const store = new SqliteEventStore({ path: join(dataDir, 'events.db') });
    const rebuilt = openReadModelDatabase(':memory:');
    const runner = new ProjectionRunner(store, rebuilt, allProjectors);
    runner.start();
    expect(await runner.waitFor((await store.headPosition())!.commit, 30_000)).toBe(true);
    const live = openReadModelDatabase(join(dataDir, 'read-models.db'));
    expect(listCampaigns(live)).toEqual(listCampaigns(rebuilt));
    const checkpoints = (db: typeof live) => db.prepare('SELECT name, version, position FROM projection_checkpoints ORDER BY name').all();
    expect(checkpoints(live)).toEqual(checkpoints(rebuilt));
    expect(eventTypes(live)).toEqual(['CampaignCreated', 'OrganizationCreated', 'PersonJoined']);
    await runner.stop();
    await store.close();
    live.close();
    rebuilt.close();
  });
});
