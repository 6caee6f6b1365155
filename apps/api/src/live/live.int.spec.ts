import type { Change } from '@textbank/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cookieHeaderOf, OWNER, startTestApp, testClock, type TestApp } from '../testing/test-app.spec-helpers.js';

const connect = (app: TestApp, headers: Record<string, string>) =>
  io(app.url, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });

const sync = (socket: Socket, topics: string[], since: string) =>
  new Promise<{ ok: boolean; changes?: Change[]; position?: string; error?: string }>((resolve) => socket.emit('sync', { topics, since }, resolve));

describe('live push over Socket.IO', () => {
  let app: TestApp;
  let cookie: string;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    app = await startTestApp();
    cookie = cookieHeaderOf(await request(app.app.getHttpServer()).post('/api/setup').send(OWNER).expect(201));
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await app.close();
  });
  const open = (headers: Record<string, string> = { cookie }) => {
    const socket = connect(app, headers);
    sockets.push(socket);
    return socket;
  };

  it('pushes a new campaign to a synced client after it commits', async () => {
    const socket = open();
    await connected(socket);
    const list = await request(app.app.getHttpServer()).get('/api/campaigns').set('cookie', cookie).expect(200);
    const reply = await sync(socket, ['campaigns', 'event-log'], list.body.position);
    expect(reply).toMatchObject({ ok: true, changes: [] });
    const received: Change[] = [];
    socket.on('change', (change: Change) => received.push(change));
    const created = await request(app.app.getHttpServer()).post('/api/campaigns').set('cookie', cookie).send({ name: 'Live one' }).expect(201);
    await expect.poll(() => received.map((c) => c.kind).sort()).toEqual(['campaign.upserted', 'event.appended']);
    const upsert = received.find((c) => c.kind === 'campaign.upserted')!;
    expect(upsert).toMatchObject({ position: created.body.position, payload: { id: created.body.id, name: 'Live one' } });
  });

  it("a campaign's page hears its changes under its own topic, replayed and live", async () => {
    const http = request(app.app.getHttpServer());
    const created = await http.post('/api/campaigns').set('cookie', cookie).send({ name: 'Followed' }).expect(201);
    const one = await http.get(`/api/campaigns/${created.body.id}`).set('cookie', cookie).expect(200);
    expect(BigInt(one.body.position)).toBeGreaterThanOrEqual(BigInt(created.body.position));
    const socket = open();
    await connected(socket);
    const topic = `campaign:${created.body.id}`;
    const replay = await sync(socket, [topic], '0');
    expect(replay.changes!.map((c) => c.topic)).toEqual([topic]);
    const received: Change[] = [];
    socket.on('change', (change: Change) => received.push(change));
    await http.patch(`/api/campaigns/${created.body.id}`).set('cookie', cookie).send({ expectedRevision: 0, name: 'Renamed' }).expect(200);
    await expect.poll(() => received.map((c) => [c.topic, c.kind === 'campaign.upserted' && c.payload.name])).toEqual([[topic, 'Renamed']]);
  });

  it('a client that reconnects resyncs from its last position and misses nothing', async () => {
    const first = open();
    await connected(first);
    const start = await sync(first, ['campaigns'], '0');
    const seen = new Map<string, string>();
    for (const change of start.changes!) seen.set(change.position, change.kind);
    const lastSeen = start.position!;
    first.disconnect();
    // While it is away, three campaigns are created.
    for (const name of ['Away 1', 'Away 2', 'Away 3']) {
      await request(app.app.getHttpServer()).post('/api/campaigns').set('cookie', cookie).send({ name }).expect(201);
    }
    const second = open();
    await connected(second);
    const resumed = await sync(second, ['campaigns'], lastSeen);
    expect(resumed.changes!.map((c) => (c.kind === 'campaign.upserted' ? c.payload.name : '')).sort()).toEqual(['Away 1', 'Away 2', 'Away 3']);
    const positions = resumed.changes!.map((c) => BigInt(c.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
  });

  it('refuses a socket without a session, with a forged cookie, or from a foreign origin', async () => {
    await expect(connected(open({}))).rejects.toThrow(/unauthorized/);
    await expect(connected(open({ cookie: 'textbank_session=forged' }))).rejects.toThrow(/unauthorized/);
    await expect(connected(open({ cookie, origin: 'https://evil.example' }))).rejects.toThrow();
  });

  it('answers a malformed sync with the reason, joining nothing', async () => {
    const socket = open();
    await connected(socket);
    expect(await sync(socket, ['everything'], '0')).toMatchObject({ ok: false, error: expect.stringContaining('topics') });
    expect(await sync(socket, ['campaigns'], '-1')).toMatchObject({ ok: false, error: expect.stringContaining('since') });
  });
});

describe('after a rebuild', () => {
  it('asks connected clients to resync, and their sync replays what the rebuild did not announce', async () => {
    const app = await startTestApp();
    try {
      const cookie = cookieHeaderOf(await request(app.app.getHttpServer()).post('/api/setup').send(OWNER).expect(201));
      const socket = connect(app, { cookie });
      await connected(socket);
      const first = await sync(socket, ['campaigns'], '0');
      const resyncs: number[] = [];
      socket.on('resync', () => resyncs.push(Date.now()));
      await request(app.app.getHttpServer()).post('/api/campaigns').set('cookie', cookie).send({ name: 'Before rebuild' }).expect(201);
      await request(app.app.getHttpServer()).post('/api/projections/rebuild').set('cookie', cookie).expect(202);
      await expect.poll(() => resyncs.length).toBe(1);
      const again = await sync(socket, ['campaigns'], first.position!);
      expect(again.changes!.map((c) => (c.kind === 'campaign.upserted' ? c.payload.name : c.kind))).toEqual(['Before rebuild']);
      socket.disconnect();
    } finally {
      await app.close();
    }
  });
});

describe('sockets live no longer than their session', () => {
  it('signing out closes that session’s sockets at once; an expired session’s next sync is refused', async () => {
    const clock = testClock();
    const app = await startTestApp({}, undefined, clock);
    try {
      const http = request(app.app.getHttpServer());
      const setup = await http.post('/api/setup').send(OWNER).expect(201);
      const cookie = cookieHeaderOf(setup);
      const other = cookieHeaderOf(await http.post('/api/session').send({ email: OWNER.email, password: OWNER.password }).expect(200));
      const leaving = connect(app, { cookie });
      const staying = connect(app, { cookie: other });
      await Promise.all([connected(leaving), connected(staying)]);
      const closed = new Promise<number>((resolve) => {
        const started = Date.now();
        leaving.once('disconnect', () => resolve(Date.now() - started));
      });
      await http.delete('/api/session').set('cookie', cookie).expect(204);
      expect(await closed).toBeLessThan(1000);
      expect(staying.connected).toBe(true);
      clock.advance(13 * 60 * 60 * 1000);
      expect(await sync(staying, ['campaigns'], '0')).toMatchObject({ ok: false, error: expect.stringContaining('session') });
      await expect.poll(() => staying.connected).toBe(false);
    } finally {
      await app.close();
    }
  });
});
