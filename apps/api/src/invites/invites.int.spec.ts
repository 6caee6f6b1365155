import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inviteToken, memberWith, startWithOwner, type Member } from '../testing/people.spec-helpers.js';
import { testClock, type TestApp } from '../testing/test-app.spec-helpers.js';

const newcomer = { name: 'Nia Volunteer', email: 'nia@example.org', password: 'texting night 2026' };

describe('invitations', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    ({ app, clock, http, owner } = await startWithOwner());
  });
  afterEach(async () => app.close());

  const eventCount = async () => (await http.get('/api/events?limit=200').set('cookie', owner.cookie)).body.entries.length;

  it('a volunteer link lets a newcomer join and lands them signed in as a volunteer', async () => {
    const created = await http.post('/api/invites').set('cookie', owner.cookie).send({ kind: 'volunteer', maxUses: 50 }).expect(201);
    expect(created.body.path).toBe(`/#/join/${created.body.token}`);
    expect((await http.get(`/api/join/${created.body.token}`).expect(200)).body).toEqual({
      organizationName: 'Riverside Tenants Union',
      role: 'volunteer',
      email: null,
      campaignName: null,
    });
    const joined = await http.post(`/api/join/${created.body.token}`).send(newcomer).expect(201);
    expect(joined.body.person).toMatchObject({ name: newcomer.name, email: newcomer.email, role: 'volunteer' });
    const cookie = joined.headers['set-cookie']![0]!.split(';')[0]!;
    expect((await http.get('/api/session').set('cookie', cookie).expect(200)).body.person.role).toBe('volunteer');
    const invites = await http.get('/api/invites').set('cookie', owner.cookie).expect(200);
    expect(invites.body.invites[0]).toMatchObject({ id: created.body.id, uses: 1, maxUses: 50, status: 'open', kind: 'volunteer' });
    const log = await http.get('/api/events?type=PersonJoined').set('cookie', owner.cookie).expect(200);
    expect(log.body.entries[0].data).toMatchObject({ role: 'volunteer', inviteId: created.body.id });
    expect(JSON.stringify(log.body)).not.toContain(created.body.token);
    expect(JSON.stringify(log.body)).not.toContain(newcomer.password);
  });

  it('tells expired, revoked, used-up and unknown links apart', async () => {
    const expiring = await inviteToken(app, owner, { kind: 'volunteer', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const revoked = await http.post('/api/invites').set('cookie', owner.cookie).send({ kind: 'volunteer' }).expect(201);
    await http.delete(`/api/invites/${revoked.body.id}`).set('cookie', owner.cookie).expect(200);
    const single = await inviteToken(app, owner, { kind: 'volunteer', maxUses: 1 });
    await http.post(`/api/join/${single}`).send(newcomer).expect(201);

    expect((await http.get(`/api/join/${revoked.body.token}`).expect(410)).body.message).toMatch(/revoked/);
    expect((await http.post(`/api/join/${single}`).send({ ...newcomer, email: 'other@example.org' }).expect(410)).body.message).toMatch(/used/);
    expect((await http.get('/api/join/' + 'x'.repeat(43)).expect(404)).body.message).toMatch(/not valid/);
    await http.get('/api/join/short').expect(404);
    clock.advance(61_000);
    expect((await http.get(`/api/join/${expiring}`).expect(410)).body.message).toMatch(/expired/);
    const before = await eventCount();
    await http.post(`/api/join/${expiring}`).send({ ...newcomer, email: 'late@example.org' }).expect(410);
    expect(await eventCount()).toBe(before);
  });

  it('a crowd cannot exceed a use limit', async () => {
    const token = await inviteToken(app, owner, { kind: 'volunteer', maxUses: 5 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => http.post(`/api/join/${token}`).send({ name: `V${i}`, email: `v${i}@example.org`, password: 'texting night 2026' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 410)).toHaveLength(7);
    expect((await http.get('/api/people').set('cookie', owner.cookie)).body.people).toHaveLength(6);
  });

  it('refuses a taken email, a weak password, a malformed email and oversized fields, recording nothing', async () => {
    const token = await inviteToken(app, owner);
    const before = await eventCount();
    const taken = await http.post(`/api/join/${token}`).send({ ...newcomer, email: owner.email.toUpperCase() }).expect(409);
    expect(taken.body.issues).toEqual([{ path: 'email', message: expect.stringMatching(/already/) }]);
    const weak = await http.post(`/api/join/${token}`).send({ ...newcomer, password: 'short' }).expect(400);
    expect(weak.body.issues[0]).toEqual({ path: 'password', message: 'must be at least 12 characters, at most 200' });
    expect((await http.post(`/api/join/${token}`).send({ ...newcomer, email: 'nia@' }).expect(400)).body.issues[0].path).toBe('email');
    expect((await http.post(`/api/join/${token}`).send({ ...newcomer, name: 'n'.repeat(101) }).expect(400)).body.issues[0].path).toBe('name');
    await http.post(`/api/join/${token}`).send({ ...newcomer, name: 'n'.repeat(200_000) }).expect(413);
    expect(await eventCount()).toBe(before);
    // The email given back by refused joins is free again.
    await http.post(`/api/join/${token}`).send(newcomer).expect(201);
  });

  it('a named invite is for one email and one person, with the role it names', async () => {
    const token = await inviteToken(app, owner, { kind: 'named', role: 'auditor', email: 'audra@example.org' });
    expect((await http.get(`/api/join/${token}`).expect(200)).body).toMatchObject({ role: 'auditor', email: 'audra@example.org' });
    const wrong = await http.post(`/api/join/${token}`).send({ ...newcomer }).expect(400);
    expect(wrong.body.issues[0]).toMatchObject({ path: 'email', message: expect.stringContaining('audra@example.org') });
    const joined = await http.post(`/api/join/${token}`).send({ ...newcomer, email: 'audra@example.org' }).expect(201);
    expect(joined.body.person.role).toBe('auditor');
    await http.post(`/api/join/${token}`).send({ ...newcomer, email: 'audra@example.org' }).expect(410);
  });

  it('only owners and admins manage invites', async () => {
    const volunteer = await memberWith(app, owner, 'volunteer');
    const auditor = await memberWith(app, owner, 'auditor');
    await http.post('/api/invites').set('cookie', volunteer.cookie).send({ kind: 'volunteer' }).expect(403);
    await http.get('/api/invites').set('cookie', auditor.cookie).expect(403);
    await http.post('/api/invites').send({ kind: 'volunteer' }).expect(401);
    const bad = await http.post('/api/invites').set('cookie', owner.cookie).send({ kind: 'named', role: 'owner', email: 'x@example.org' }).expect(400);
    expect(bad.body.issues[0].path).toBe('role');
  });
});
