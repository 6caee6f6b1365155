import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inviteToken, memberWith, startWithOwner, type Member } from '../testing/people.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';

const newcomer = { name: 'Nia Volunteer', email: 'nia@example.org', password: 'texting night 2026' };

describe('invite links', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  beforeEach(async () => {
    ({ app, http, owner } = await startWithOwner());
  });
  afterEach(async () => app.close());

  describe('outlive no maker (issue 6, item 2)', () => {
    it('a suspended admin cannot come back through the admin invite they made', async () => {
      const admin = await memberWith(app, owner, 'admin');
      const backdoor = await inviteToken(app, admin, { kind: 'named', role: 'admin', email: 'second-self@example.org' });
      const link = await inviteToken(app, admin, { kind: 'volunteer' });
      await http.post(`/api/people/${admin.id}/suspend`).set('cookie', owner.cookie).expect(200);
      const refused = await http.post(`/api/join/${backdoor}`).send({ ...newcomer, email: 'second-self@example.org' }).expect(410);
      expect(refused.body.message).toMatch(/can no longer invite/);
      await http.get(`/api/join/${link}`).expect(410);
      const invites = await http.get('/api/invites').set('cookie', owner.cookie).expect(200);
      // Newest first: the two the admin made, then the owner's invite that brought the admin in.
      expect(invites.body.invites.map((i: { status: string }) => i.status)).toEqual(['inactive', 'inactive', 'used-up']);
      const people = await http.get('/api/people').set('cookie', owner.cookie).expect(200);
      expect(people.body.people.map((p: { email: string }) => p.email)).not.toContain('second-self@example.org');
    });

    it("renewing someone else's invite does not let a suspended admin keep it open", async () => {
      const admin = await memberWith(app, owner, 'admin');
      const made = await http.post('/api/invites').set('cookie', owner.cookie).send({ kind: 'named', role: 'admin', email: 'bob@example.org' }).expect(201);
      const renewed = await http.post(`/api/invites/${made.body.id}/renew`).set('cookie', admin.cookie).expect(200);
      await http.post(`/api/people/${admin.id}/suspend`).set('cookie', owner.cookie).expect(200);
      await http.post(`/api/join/${renewed.body.token}`).send({ ...newcomer, email: 'bob@example.org' }).expect(410);
      const again = await http.post(`/api/invites/${made.body.id}/renew`).set('cookie', owner.cookie).expect(200);
      await http.post(`/api/join/${again.body.token}`).send({ ...newcomer, email: 'bob@example.org' }).expect(201);
    });

    it('an admin demoted to volunteer: their links stop; made admin again, they work again', async () => {
      const admin = await memberWith(app, owner, 'admin');
      const link = await inviteToken(app, admin, { kind: 'volunteer' });
      await http.patch(`/api/people/${admin.id}/role`).set('cookie', owner.cookie).send({ role: 'volunteer' }).expect(200);
      await http.post(`/api/join/${link}`).send(newcomer).expect(410);
      await http.patch(`/api/people/${admin.id}/role`).set('cookie', owner.cookie).send({ role: 'admin' }).expect(200);
      await http.post(`/api/join/${link}`).send(newcomer).expect(201);
    });
  });

  describe('bounds (item 8)', () => {
    it('refuses an expiry past 90 days and a campaign that does not exist, naming the field', async () => {
      const far = await http.post('/api/invites').set('cookie', owner.cookie).send({ kind: 'volunteer', expiresAt: '9999-12-31T00:00:00Z' }).expect(400);
      expect(far.body.issues).toEqual([expect.objectContaining({ path: 'expiresAt', message: expect.stringMatching(/90 days/) })]);
      const ghost = await http
        .post('/api/invites')
        .set('cookie', owner.cookie)
        .send({ kind: 'volunteer', campaignId: '0195f5a0-0000-7000-8000-00000000dead' })
        .expect(400);
      expect(ghost.body.issues).toEqual([expect.objectContaining({ path: 'campaignId' })]);
      const invites = await http.get('/api/invites').set('cookie', owner.cookie).expect(200);
      expect(invites.body.invites).toEqual([]);
    });
  });

  describe('retrievable for their life (item 18)', () => {
    it('a labelled volunteer link can be shown again, and renewed: the old link dies, uses stay', async () => {
      const made = await http.post('/api/invites').set('cookie', owner.cookie).send({ kind: 'volunteer', label: '  Saturday   phone bank ', maxUses: 10 }).expect(201);
      await http.post(`/api/join/${made.body.token}`).send(newcomer).expect(201);
      const again = await http.get(`/api/invites/${made.body.id}/link`).set('cookie', owner.cookie).expect(200);
      expect(again.body).toEqual({ token: made.body.token, path: made.body.path });
      const listed = await http.get('/api/invites').set('cookie', owner.cookie).expect(200);
      expect(listed.body.invites[0]).toMatchObject({ label: 'Saturday phone bank', uses: 1 });

      const renewed = await http.post(`/api/invites/${made.body.id}/renew`).set('cookie', owner.cookie).expect(200);
      expect(renewed.body.token).not.toBe(made.body.token);
      await http.get(`/api/join/${made.body.token}`).expect(404);
      await http.post(`/api/join/${renewed.body.token}`).send({ ...newcomer, email: 'second@example.org' }).expect(201);
      expect((await http.get(`/api/invites/${made.body.id}/link`).set('cookie', owner.cookie).expect(200)).body.token).toBe(renewed.body.token);
      expect((await http.get('/api/invites').set('cookie', owner.cookie)).body.invites[0].uses).toBe(2);
      const log = await http.get('/api/events?type=InviteLinkRenewed').set('cookie', owner.cookie).expect(200);
      expect(log.body.entries).toHaveLength(1);
      expect(JSON.stringify(log.body)).not.toContain(renewed.body.token);
    });

    it("a named invite's link is never shown again, only renewed; revoked invites cannot be renewed", async () => {
      const named = await http.post('/api/invites').set('cookie', owner.cookie).send({ kind: 'named', role: 'auditor', email: 'aud@example.org' }).expect(201);
      await http.get(`/api/invites/${named.body.id}/link`).set('cookie', owner.cookie).expect(404);
      await http.delete(`/api/invites/${named.body.id}`).set('cookie', owner.cookie).expect(200);
      await http.post(`/api/invites/${named.body.id}/renew`).set('cookie', owner.cookie).expect(410);
    });
  });
});
