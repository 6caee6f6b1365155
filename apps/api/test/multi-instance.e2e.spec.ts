import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi, type ApiProcess } from './api-process.js';
import { startEsdbServer, type EsdbServerProcess } from './esdb-server-process.js';

const root = mkdtempSync(join(tmpdir(), 'textbank-multi-'));
const owner = { organizationName: 'Three Instances Org', name: 'Ada', email: 'ada@example.org', password: 'correct horse battery' };
let server: EsdbServerProcess | undefined;
const apis: ApiProcess[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await Promise.all(apis.map((api) => api.stop().catch(() => undefined)));
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, string>, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

/** A browser's live connection: syncs `campaigns` from `since`, then records every campaign pushed, with its position. */
function watchCampaigns(url: string, cookie: string, since = '0') {
  const seen = new Map<string, string>();
  let last = since;
  const note = (change: { kind: string; position: string; payload: { id: string; name: string } }) => {
    if (change.kind !== 'campaign.upserted') return;
    seen.set(change.payload.id, change.payload.name);
    if (BigInt(change.position) > BigInt(last)) last = change.position;
  };
  const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  sockets.push(socket);
  socket.on('change', note);
  const synced = new Promise<void>((resolve, reject) => {
    socket.on('connect', () =>
      socket.emit('sync', { topics: ['campaigns'], since }, (reply: { ok: boolean; error?: string; changes: Parameters<typeof note>[0][] }) => {
        if (!reply.ok) return reject(new Error(reply.error));
        reply.changes.forEach(note);
        resolve();
      }),
    );
    socket.on('connect_error', reject);
  });
  return { socket, seen, synced, lastPosition: () => last };
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('three API instances on one EventStoreDB (the protocol-level test server), one killed mid-load', () => {
  it('loses nothing acknowledged, duplicates nothing, pushes every change to every socket, and moves the killed instance\'s clients', async () => {
    server = await startEsdbServer(join(root, 'events.db'));
    const env = { EVENTSTORE_CONNECTION_STRING: server.connectionString, AUTH_DB_PATH: join(root, 'auth', 'auth.db') };
    mkdirSync(join(root, 'auth'));
    for (const name of ['a', 'b', 'c']) apis.push(await startApi(join(root, name), { ...env, INSTANCE_NAME: name }));
    const [a, b, c] = apis as [ApiProcess, ApiProcess, ApiProcess];
    const setup = await post(a.url, '/api/setup', owner);
    expect(setup.status).toBe(201);
    const cookie = setup.cookie;
    // Sessions live in the shared auth.db: the cookie from A is good on B and C.
    for (const api of [b, c]) expect((await fetch(`${api.url}/api/session`, { headers: { cookie } })).status).toBe(200);

    const watchers = apis.map((api) => watchCampaigns(api.url, cookie));
    await Promise.all(watchers.map((w) => w.synced));

    // The load: 150 campaign creations through all three (3 clients each), each with its own Idempotency-Key.
    // C is killed once 40 are acknowledged; its clients send their request again, same key, to A or B.
    const acknowledged = new Map<string, string>();
    let next = 0;
    let killed: Promise<void> | undefined;
    let resent = 0;
    const alive = () => apis.filter((api) => api !== c || !killed);
    const client = async (home: ApiProcess) => {
      let target = home;
      while (next < 150) {
        const name = `Load ${next++}`;
        const key = randomUUID();
        for (let attempt = 0; ; attempt++) {
          try {
            const response = await post(target.url, '/api/campaigns', { name }, { cookie, 'idempotency-key': key });
            expect(response.status).toBe(201);
            acknowledged.set(response.body.id!, name);
            break;
          } catch (error) {
            if (attempt > 3 || !killed) throw error;
            resent += 1;
            target = alive()[attempt % 2]!; // the connection died with C: try a live instance
          }
        }
        if (acknowledged.size >= 40 && !killed) killed = c.kill();
      }
    };
    await Promise.all(apis.flatMap((api) => [client(api), client(api), client(api)]));
    await killed;
    expect(acknowledged.size).toBe(150);
    expect(resent).toBeGreaterThan(0);

    // The killed instance's browser reconnects to A and syncs from the last position it had.
    const moved = watchCampaigns(a.url, cookie, watchers[2]!.lastPosition());
    await moved.synced;
    const live = [watchers[0]!, watchers[1]!];
    await until(() => live.every((w) => w.seen.size >= 150) && watchers[2]!.seen.size + moved.seen.size >= 150, 'every socket to see every campaign');
    for (const w of live) expect([...w.seen.keys()].sort()).toEqual([...acknowledged.keys()].sort());
    const movedSaw = new Set([...watchers[2]!.seen.keys(), ...moved.seen.keys()]);
    expect([...movedSaw].sort()).toEqual([...acknowledged.keys()].sort());

    // No duplicates: every name once, on both surviving instances' read models.
    for (const api of [a, b]) {
      const listed = (await (await fetch(`${api.url}/api/campaigns`, { headers: { cookie } })).json()) as { campaigns: Array<{ id: string; name: string }> };
      const names = listed.campaigns.map((campaign) => campaign.name).filter((name) => name.startsWith('Load '));
      expect(names.length).toBe(150);
      expect(new Set(names).size).toBe(150);
    }

    // Set-based reservations hold across instances: one invite link, one email, two instances at once.
    const invite = await post(a.url, '/api/invites', { kind: 'volunteer' }, { cookie });
    expect(invite.status).toBe(201);
    const joiner = { name: 'Bo', email: 'bo@example.org', password: 'another horse battery' };
    const joins = await Promise.all([a, b].map((api) => post(api.url, `/api/join/${invite.body.token}`, joiner)));
    expect(joins.map((j) => j.status).sort()).toEqual([201, 409]);
  });
});
