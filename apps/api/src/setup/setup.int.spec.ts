import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cookieHeaderOf, OWNER, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

describe('first-run setup and sessions', () => {
  let app: TestApp;
  let http: ReturnType<typeof request>;
  beforeEach(async () => {
    app = await startTestApp();
    http = request(app.app.getHttpServer());
  });
  afterEach(async () => app.close());

  it('creates the organization and signs its owner in, once', async () => {
    expect((await http.get('/api/setup').expect(200)).body).toEqual({ needed: true });
    const response = await http.post('/api/setup').send(OWNER).expect(201);
    expect(response.body).toMatchObject({ person: { name: OWNER.name, email: OWNER.email, role: 'owner' }, organization: { name: OWNER.organizationName } });
    const cookie = response.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^textbank_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await http.get('/api/setup').expect(200)).body).toEqual({ needed: false });
    await http.post('/api/setup').send({ ...OWNER, email: 'other@example.org' }).expect(409);
  });

  it('behind TLS, uses a __Host- cookie: Secure, path /, no domain', async () => {
    const tls = await startTestApp({ cookieSecure: true });
    try {
      const response = await request(tls.app.getHttpServer()).post('/api/setup').send(OWNER).expect(201);
      const cookie = response.headers['set-cookie']![0]!;
      expect(cookie).toMatch(/^__Host-textbank_session=[\w-]{43};/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
      await request(tls.app.getHttpServer()).get('/api/session').set('cookie', cookie.split(';')[0]!).expect(200);
      await request(tls.app.getHttpServer()).get('/api/session').set('cookie', `textbank_session=${cookie.split(';')[0]!.split('=')[1]}`).expect(401);
    } finally {
      await tls.close();
    }
  });

  it('records who did it but never the password', async () => {
    const cookie = cookieHeaderOf(await http.post('/api/setup').send(OWNER).expect(201));
    const log = await http.get('/api/events').set('cookie', cookie).expect(200);
    expect(log.body.entries.map((e: { type: string }) => e.type)).toEqual(['PersonJoined', 'OrganizationCreated']);
    expect(JSON.stringify(log.body)).not.toContain(OWNER.password);
    expect(log.body.entries[0].actor).toMatchObject({ kind: 'person', name: OWNER.name });
  });

  it('refuses weak passwords and malformed emails, saying what the rule is', async () => {
    const weak = await http.post('/api/setup').send({ ...OWNER, password: 'short' }).expect(400);
    expect(weak.body.issues).toEqual([{ path: 'password', message: expect.stringContaining('at least 12 characters') }]);
    const email = await http.post('/api/setup').send({ ...OWNER, email: 'not-an-email' }).expect(400);
    expect(email.body.issues[0].path).toBe('email');
    expect((await http.get('/api/setup')).body).toEqual({ needed: true });
  });

  it('signs in, rotates the session id, and signs out server-side', async () => {
    const setupCookie = cookieHeaderOf(await http.post('/api/setup').send(OWNER).expect(201));
    await http.post('/api/session').send({ email: OWNER.email, password: 'wrong password!' }).expect(401);
    const signedIn = await http.post('/api/session').send({ email: OWNER.email.toUpperCase(), password: OWNER.password }).expect(200);
    const cookie = cookieHeaderOf(signedIn);
    expect(cookie).not.toBe(setupCookie);
    await http.get('/api/session').set('cookie', cookie).expect(200);
    await http.delete('/api/session').set('cookie', cookie).expect(204);
    await http.get('/api/session').set('cookie', cookie).expect(401);
    await http.get('/api/session').set('cookie', setupCookie).expect(200);
  });

  it('throttles guessing: refused without checking once over the limit', async () => {
    await http.post('/api/setup').send(OWNER).expect(201);
    for (let i = 0; i < 10; i++) await http.post('/api/session').send({ email: OWNER.email, password: `guess number ${i}` }).expect(401);
    const refused = await http.post('/api/session').send({ email: OWNER.email, password: OWNER.password }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('serves health and OpenAPI docs (metrics: metrics-listener.int.spec.ts)', async () => {
    const health = await http.get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', store: { adapter: 'sqlite' }, projections: { caughtUp: true } });
    const docs = await http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/campaigns', '/api/events', '/api/setup', '/api/session']));
    expect(docs.body.components.schemas.CreateCampaignDto.properties.name).toBeDefined();
  });
});

describe('rebuilding read models on demand', () => {
  it('lets the owner replay the log into fresh read models, with the same result', async () => {
    const app = await startTestApp();
    try {
      const http = request(app.app.getHttpServer());
      await http.post('/api/projections/rebuild').expect(401);
      const cookie = cookieHeaderOf(await http.post('/api/setup').send(OWNER).expect(201));
      for (const name of ['One', 'Two']) await http.post('/api/campaigns').set('cookie', cookie).send({ name }).expect(201);
      const before = (await http.get('/api/campaigns').set('cookie', cookie)).body.campaigns;
      const rebuilt = await http.post('/api/projections/rebuild').set('cookie', cookie).expect(202);
      expect(rebuilt.body).toMatchObject({ caughtUp: true });
      expect((await http.get('/api/campaigns').set('cookie', cookie)).body.campaigns).toEqual(before);
      await http.get('/api/session').set('cookie', cookie).expect(200);
    } finally {
      await app.close();
    }
  });
});
