import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

describe('people and roles', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    app = await startTestApp();
    http = request(app.app.getHttpServer());
    owner = await ownerOf(app);
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await app.close();
  });

  const socketOf = async (member: Member) => {
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: member.cookie }, reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    return socket;
  };
  const sync = (socket: Socket, topics: string[]) =>
    new Promise<{ ok: boolean; error?: string; changes?: Array<{ kind: string; payload: { name?: string } }> }>((resolve) =>
      socket.emit('sync', { topics, since: '0' }, resolve),
    );
  const disconnectedWithin = (socket: Socket, ms: number) =>
    new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
      socket.once('disconnect', () => {
        clearTimeout(timer);
        resolve(Date.now() - started);
      });
    });

  it('lists everyone with role, status, joined and last active', async () => {
    await memberWith(app, owner, 'volunteer');
    await memberWith(app, owner, 'auditor');
    const list = await http.get('/api/people').set('cookie', owner.cookie).expect(200);
    expect(list.body.people.map((p: { role: string }) => p.role)).toEqual(['owner', 'volunteer', 'auditor']);
    expect(list.body.people[0]).toMatchObject({ status: 'active', lastActiveAt: expect.any(String), joinedAt: expect.any(String) });
  });

  it('pushes newcomers to the people page live', async () => {
    const socket = await socketOf(owner);
    expect((await sync(socket, ['people'])).ok).toBe(true);
    const seen: string[] = [];
    socket.on('change', (change: { kind: string; payload: { name: string; signedIn?: boolean } }) => change.kind === 'person.upserted' && seen.push(`${change.payload.name} ${change.payload.signedIn}`));
    await memberWith(app, owner, 'volunteer');
    // A newcomer has not signed in with a password yet: the page may offer to remove them at once.
    await expect.poll(() => seen).toEqual(['A volunteer false']);
  });

  it('suspending ends sessions and sockets at once; reinstating lets them sign in again', async () => {
    const volunteer = await memberWith(app, owner, 'volunteer');
    const socket = await socketOf(volunteer);
    const cut = disconnectedWithin(socket, 1000);
    await http.post(`/api/people/${volunteer.id}/suspend`).set('cookie', owner.cookie).expect(200);
    expect(await cut).toBeLessThan(1000);
    await http.get('/api/session').set('cookie', volunteer.cookie).expect(401);
    // Told why, but only once the password is right: a wrong one is the same 401 as ever.
    const refused = await http.post('/api/session').send({ email: volunteer.email, password: volunteer.password }).expect(403);
    expect(refused.body.message).toMatch(/suspended/);
    await http.post('/api/session').send({ email: volunteer.email, password: 'not the password at all' }).expect(401);
    await http.post(`/api/people/${volunteer.id}/reinstate`).set('cookie', owner.cookie).expect(200);
    await http.post('/api/session').send({ email: volunteer.email, password: volunteer.password }).expect(200);
    // Standing changes are on the organization's roster, the one stream that sees every member.
    const log = await http.get(`/api/events?stream=organization-`).set('cookie', owner.cookie).expect(200);
    expect(log.body.entries.map((e: { type: string }) => e.type)).toEqual(['PersonReinstated', 'PersonSuspended', 'OrganizationCreated']);
    expect(log.body.entries[0]).toMatchObject({ actor: { id: owner.id }, data: { personId: volunteer.id } });
    // Picking the person in the log shows their own stream and the roster's events about them, nobody else's.
    const other = await memberWith(app, owner, 'auditor');
    await http.post(`/api/people/${other.id}/suspend`).set('cookie', owner.cookie).expect(200);
    const about = await http.get(`/api/events?person=${volunteer.id}&limit=2`).set('cookie', owner.cookie).expect(200);
    expect(about.body.entries.map((e: { type: string }) => e.type)).toEqual(['PersonReinstated', 'PersonSuspended']);
    const older = await http.get(`/api/events?person=${volunteer.id}&limit=2&before=${about.body.nextBefore}`).set('cookie', owner.cookie).expect(200);
    expect(older.body.entries.map((e: { type: string }) => e.type)).toEqual(['PersonJoined']);
    expect(older.body.nextBefore).toBeNull();
  });

  it('a role change re-scopes: the socket is cut, and the new role decides what it may follow', async () => {
    const auditor = await memberWith(app, owner, 'auditor');
    const socket = await socketOf(auditor);
    expect((await sync(socket, ['people'])).ok).toBe(true);
    const cut = disconnectedWithin(socket, 1000);
    await http.patch(`/api/people/${auditor.id}/role`).set('cookie', owner.cookie).send({ role: 'volunteer' }).expect(200);
    await cut;
    const again = await socketOf(auditor);
    expect(await sync(again, ['people'])).toMatchObject({ ok: false, error: expect.stringContaining('volunteer') });
    await http.get('/api/people').set('cookie', auditor.cookie).expect(403);
  });

  it('keeps the rules: volunteers and auditors manage nobody, admins not owners, nobody themselves', async () => {
    const admin = await memberWith(app, owner, 'admin');
    const volunteer = await memberWith(app, owner, 'volunteer');
    const auditor = await memberWith(app, owner, 'auditor');
    await http.post(`/api/people/${volunteer.id}/suspend`).set('cookie', auditor.cookie).expect(403);
    await http.post(`/api/people/${auditor.id}/suspend`).set('cookie', volunteer.cookie).expect(403);
    await http.post(`/api/people/${owner.id}/suspend`).set('cookie', admin.cookie).expect(403);
    await http.patch(`/api/people/${volunteer.id}/role`).set('cookie', admin.cookie).send({ role: 'owner' }).expect(403);
    const self = await http.patch(`/api/people/${admin.id}/role`).set('cookie', admin.cookie).send({ role: 'owner' }).expect(409);
    expect(self.body.message).toMatch(/your own/);
    await http.patch(`/api/people/${volunteer.id}/role`).set('cookie', admin.cookie).send({ role: 'auditor' }).expect(200);
    await http.patch(`/api/people/${volunteer.id}/role`).set('cookie', owner.cookie).send({ role: 'auditor', expectedRevision: 0 }).expect(409);
    await http.patch(`/api/people/${volunteer.id}/role`).set('cookie', owner.cookie).send({ role: 'root' }).expect(400);
    await http.post('/api/people/0195f5a0-0000-7000-8000-000000000009/suspend').set('cookie', owner.cookie).expect(404);
  });

  it('an Idempotency-Key sent again with a different request is refused, not silently replayed', async () => {
    const a = await memberWith(app, owner, 'volunteer');
    const b = await memberWith(app, owner, 'volunteer');
    const key = '0195f5a0-5555-7000-8000-000000000005';
    await http.post(`/api/people/${a.id}/suspend`).set('cookie', owner.cookie).set('Idempotency-Key', key).expect(200);
    await http.post(`/api/people/${a.id}/suspend`).set('cookie', owner.cookie).set('Idempotency-Key', key).expect(200);
    const reused = await http.post(`/api/people/${b.id}/suspend`).set('cookie', owner.cookie).set('Idempotency-Key', key).expect(409);
    expect(reused.body.message).toMatch(/different request/);
    const list = await http.get('/api/people').set('cookie', owner.cookie).expect(200);
    expect(list.body.people.find((p: { id: string }) => p.id === b.id).status).toBe('active');
  });
});
