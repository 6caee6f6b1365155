import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { inviteToken, startWithOwner } from '../testing/people.spec-helpers.js';
import { OWNER, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

/** Names and descriptions are read by other people: what they see must be what was stored. */
describe('human-entered text over HTTP', () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it('a name with NUL, a direction override or a lone surrogate is a 400 naming the field', async () => {
    app = await startTestApp();
    const http = request(app.app.getHttpServer());
    const nul = await http.post('/api/setup').send({ ...OWNER, name: 'Ada\u0000' }).expect(400);
    expect(nul.body.issues).toEqual([{ path: 'name', message: 'must not contain control characters' }]);
    const override = await http.post('/api/setup').send({ ...OWNER, organizationName: 'Union \u202Egnp.exe' }).expect(400);
    expect(override.body.issues).toEqual([{ path: 'organizationName', message: 'must not contain invisible or text-direction characters' }]);
    // A lone surrogate cannot survive JSON.stringify unescaped: send it as the \ud800 escape.
    const surrogate = await http
      .post('/api/setup')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ ...OWNER, name: 'Ada' }).replace('"name":"Ada"', '"name":"Ada\\ud800"'))
      .expect(400);
    expect(surrogate.body.issues).toEqual([{ path: 'name', message: 'must not contain broken characters (lone surrogates)' }]);
    expect((await http.get('/api/setup').expect(200)).body).toEqual({ needed: true });
  });

  it('joining and campaigns refuse the same, and store names normalised', async () => {
    const started = await startWithOwner();
    app = started.app;
    const token = await inviteToken(app, started.owner);
    const join = await started.http.post(`/api/join/${token}`).send({ name: 'Eve\u2066', email: 'eve@example.org', password: 'a long enough password' }).expect(400);
    expect(join.body.issues).toEqual([{ path: 'name', message: 'must not contain invisible or text-direction characters' }]);
    const joined = await started.http
      .post(`/api/join/${token}`)
      .send({ name: '  Rene\u0301e   Dupont ', email: 'renee@example.org', password: 'a long enough password' })
      .expect(201);
    expect(joined.body.person.name).toBe('Ren\u00e9e Dupont');
    const campaign = await started.http.post('/api/campaigns').set('cookie', started.owner.cookie).send({ name: 'GOTV', description: 'Bring \u0007 water' }).expect(400);
    expect(campaign.body.issues).toEqual([{ path: 'description', message: 'must not contain control characters' }]);
  });
});
