import type { PersonView } from '@textbank/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf } from '../testing/people.spec-helpers.js';
import { startTestApp, testClock, type TestApp } from '../testing/test-app.spec-helpers.js';

const HOUR = 60 * 60 * 1000;

const open = (app: TestApp, cookie: string) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

const sync = (socket: Socket) =>
  new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit('sync', { topics: ['people'], since: '0' }, resolve));

/** Only what the person does (HTTP requests) keeps a session alive; an open tab does not. */
describe('an idle tab and its session', () => {
  let app: TestApp | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await app?.close();
  });

  it('expires after the idle timeout however often its socket is swept or syncs; lastActiveAt stays put', async () => {
    const clock = testClock();
    // Sweeps every 20 ms of real time, so several run between the clock's jumps.
    app = await startTestApp({ socketSweepMs: 20 }, undefined, clock);
    const owner = await ownerOf(app);
    const admin = await memberWith(app, owner, 'admin');
    const http = request(app.app.getHttpServer());
    const lastActiveOfOwner = async () => {
      const people = await http.get('/api/people').set('cookie', admin.cookie).expect(200);
      return (people.body.people as PersonView[]).find((p) => p.id === owner.id)!.lastActiveAt;
    };
    const idle = await open(app, owner.cookie);
    const busy = await open(app, admin.cookie);
    sockets.push(idle, busy);
    let closedAfterHours: number | undefined;
    let hours = 0;
    idle.once('disconnect', () => (closedAfterHours = hours));
    const before = await lastActiveOfOwner();
    expect(before).not.toBeNull();

    while (hours < 13) {
      clock.advance(HOUR);
      hours += 1;
      await sleep(100);
      if (idle.connected) expect((await sync(idle)).ok || hours >= 12).toBe(true);
      // The admin works (HTTP requests) and watches the owner's last activity.
      if (hours < 12) expect(await lastActiveOfOwner(), `after ${hours} h`).toBe(before);
    }

    await expect.poll(() => idle.connected).toBe(false);
    expect(closedAfterHours).toBeGreaterThanOrEqual(12);
    await http.get('/api/session').set('cookie', owner.cookie).expect(401);
    // The admin's requests kept theirs alive, socket and all.
    expect(busy.connected).toBe(true);
    expect((await sync(busy)).ok).toBe(true);
  });
});
