import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cookieHeaderOf, testClock, type TestApp } from '../testing/test-app.spec-helpers.js';
import { inviteToken, memberWith, startWithOwner, type Member } from '../testing/people.spec-helpers.js';

/** Issue 6, items 6 and 19: reset links, email corrections, removing who never signed in. */
describe('ways back in', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    ({ app, clock, http, owner } = await startWithOwner());
  });
  afterEach(async () => app.close());

  const issue = (by: Member, person: Member) => http.post(`/api/people/${person.id}/password-reset`).set('cookie', by.cookie);

  it('an admin issues a one-time link; the person sets a new password, is signed in, and every old session ends', async () => {
    const admin = await memberWith(app, owner, 'admin');
    const volunteer = await memberWith(app, owner, 'volunteer');
    const link = await issue(admin, volunteer).expect(201);
    expect(link.body.path).toBe(`/#/reset/${link.body.token}`);
    expect((await http.get(`/api/password-reset/${link.body.token}`).expect(200)).body).toEqual({ name: 'A volunteer', email: volunteer.email });
    const reset = await http.post(`/api/password-reset/${link.body.token}`).send({ password: 'a brand new password' }).expect(201);
    expect(reset.body.person.id).toBe(volunteer.id);
    await http.get('/api/session').set('cookie', cookieHeaderOf(reset)).expect(200);
    await http.get('/api/session').set('cookie', volunteer.cookie).expect(401);
    await http.post('/api/session').send({ email: volunteer.email, password: volunteer.password }).expect(401);
    await http.post('/api/session').send({ email: volunteer.email, password: 'a brand new password' }).expect(200);
    await http.post(`/api/password-reset/${link.body.token}`).send({ password: 'yet another password' }).expect(410);
    const log = await http.get(`/api/events?stream=person-${volunteer.id}`).set('cookie', owner.cookie).expect(200);
    expect(log.body.entries.map((e: { type: string }) => e.type)).toEqual(['PasswordReset', 'PasswordResetLinkIssued', 'PersonJoined']);
    expect(JSON.stringify(log.body)).not.toContain(link.body.token);
  });

  it('only an owner resets an owner; nobody their own; volunteers nobody; links expire after a day', async () => {
    const admin = await memberWith(app, owner, 'admin');
    const volunteer = await memberWith(app, owner, 'volunteer');
    await issue(admin, owner).expect(403);
    await issue(owner, owner).expect(409);
    await issue(volunteer, admin).expect(403);
    const link = await issue(owner, admin).expect(201);
    clock.advance(25 * 60 * 60 * 1000);
    expect((await http.get(`/api/password-reset/${link.body.token}`).expect(410)).body.message).toMatch(/expired/);
    await http.post(`/api/password-reset/${link.body.token}`).send({ password: 'a brand new password' }).expect(410);
    await http.get(`/api/password-reset/${'x'.repeat(43)}`).expect(404);
  });

  it('a link dies with its maker\'s standing, and never opens an account that became an owner\'s', async () => {
    const admin = await memberWith(app, owner, 'admin');
    const colleague = await memberWith(app, owner, 'admin');
    const volunteer = await memberWith(app, owner, 'volunteer');
    const forColleague = await issue(admin, colleague).expect(201);
    const forVolunteer = await issue(admin, volunteer).expect(201);
    await http.patch(`/api/people/${colleague.id}/role`).set('cookie', owner.cookie).send({ role: 'owner' }).expect(200);
    expect((await http.post(`/api/password-reset/${forColleague.body.token}`).send({ password: 'attacker chose this' }).expect(410)).body.message).toMatch(/owner/);
    await http.post(`/api/people/${admin.id}/suspend`).set('cookie', owner.cookie).expect(200);
    await http.post(`/api/password-reset/${forVolunteer.body.token}`).send({ password: 'a brand new password' }).expect(410);
    await http.post('/api/session').send({ email: colleague.email, password: colleague.password }).expect(200);
  });

  it('a newer link replaces an older unused one', async () => {
    const volunteer = await memberWith(app, owner, 'volunteer');
    const first = await issue(owner, volunteer).expect(201);
    const second = await issue(owner, volunteer).expect(201);
    await http.get(`/api/password-reset/${first.body.token}`).expect(404);
    await http.get(`/api/password-reset/${second.body.token}`).expect(200);
  });

  it('a link submitted from two tabs at once is used once', async () => {
    const volunteer = await memberWith(app, owner, 'volunteer');
    const { body } = await issue(owner, volunteer).expect(201);
    const answers = await Promise.all([
      http.post(`/api/password-reset/${body.token}`).send({ password: 'first new password' }),
      http.post(`/api/password-reset/${body.token}`).send({ password: 'second new password' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 410]);
  });

  it('an owner corrects an email: the old address is free again, a taken one is refused', async () => {
    const admin = await memberWith(app, owner, 'admin');
    const squatter = await memberWith(app, owner, 'volunteer');
    await http.patch(`/api/people/${squatter.id}/email`).set('cookie', admin.cookie).send({ email: 'x@example.org' }).expect(403);
    await http.patch(`/api/people/${squatter.id}/email`).set('cookie', owner.cookie).send({ email: admin.email }).expect(409);
    await http.patch(`/api/people/${squatter.id}/email`).set('cookie', owner.cookie).send({ email: 'Their.Own@Example.org' }).expect(200);
    await http.post('/api/session').send({ email: 'their.own@example.org', password: squatter.password }).expect(200);
    await http.post('/api/session').send({ email: squatter.email, password: squatter.password }).expect(401);
    const named = await inviteToken(app, owner, { kind: 'named', role: 'admin', email: squatter.email });
    await http.post(`/api/join/${named}`).send({ name: 'Rightful Admin', email: squatter.email, password: 'the rightful password' }).expect(201);
  });

  it('an owner removes a member who never signed in, freeing their email; one who did is suspended instead', async () => {
    const link = await inviteToken(app, owner);
    const joined = await http.post(`/api/join/${link}`).send({ name: 'Took It', email: 'taken@example.org', password: 'some long password' }).expect(201);
    const id = joined.body.person.id;
    await http.delete(`/api/people/${id}`).set('cookie', owner.cookie).expect(200);
    await http.get('/api/session').set('cookie', cookieHeaderOf(joined)).expect(401);
    const people = await http.get('/api/people').set('cookie', owner.cookie).expect(200);
    expect(people.body.people.map((p: { id: string }) => p.id)).not.toContain(id);
    await http.post(`/api/join/${link}`).send({ name: 'Rightful', email: 'taken@example.org', password: 'another long password' }).expect(201);
    const signedIn = await memberWith(app, owner, 'volunteer');
    const before = await http.get('/api/people').set('cookie', owner.cookie).expect(200);
    expect(before.body.people.find((p: { id: string }) => p.id === signedIn.id).signedIn).toBe(false);
    await http.post('/api/session').send({ email: signedIn.email, password: signedIn.password }).expect(200);
    const after = await http.get('/api/people').set('cookie', owner.cookie).expect(200);
    expect(after.body.people.find((p: { id: string }) => p.id === signedIn.id).signedIn).toBe(true);
    expect((await http.delete(`/api/people/${signedIn.id}`).set('cookie', owner.cookie).expect(409)).body.message).toMatch(/suspend/);
  });
});
