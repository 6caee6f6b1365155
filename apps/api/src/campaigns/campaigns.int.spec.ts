import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER, setUpOwner, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

describe('campaigns over HTTP', () => {
  let app: TestApp;
  beforeEach(async () => (app = await startTestApp()));
  afterEach(async () => app.close());

  it('creates a draft campaign and reads it back through the read model', async () => {
    const owner = await setUpOwner(app);
    const created = await owner
      .post('/api/campaigns')
      .send({ name: 'Rent strike check-in', description: 'Ask who can come Saturday', textingHours: { start: '10:00', end: '20:00' } })
      .expect(201);
    expect(created.body).toEqual({ id: expect.any(String), position: expect.stringMatching(/^\d+$/), readable: true });
    const list = await owner.get('/api/campaigns').expect(200);
    expect(BigInt(list.body.position)).toBeGreaterThanOrEqual(BigInt(created.body.position));
    expect(list.body.campaigns).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: 'Rent strike check-in',
        status: 'draft',
        textingHours: { start: '10:00', end: '20:00' },
        createdBy: expect.objectContaining({ name: OWNER.name, kind: 'person' }),
        revision: 0,
      }),
    ]);
    const one = await owner.get(`/api/campaigns/${created.body.id}`).expect(200);
    expect(one.body.description).toBe('Ask who can come Saturday');
  });

  it('defaults texting hours to 09:00-21:00', async () => {
    const owner = await setUpOwner(app);
    const { body } = await owner.post('/api/campaigns').send({ name: 'Defaults' }).expect(201);
    expect((await owner.get(`/api/campaigns/${body.id}`)).body.textingHours).toEqual({ start: '09:00', end: '21:00' });
  });

  it('edits details at the expected revision and answers 409 to a stale one', async () => {
    const owner = await setUpOwner(app);
    const { body } = await owner.post('/api/campaigns').send({ name: 'First name' }).expect(201);
    await owner.patch(`/api/campaigns/${body.id}`).send({ expectedRevision: 0, name: 'Second name' }).expect(200);
    const stale = await owner.patch(`/api/campaigns/${body.id}`).send({ expectedRevision: 0, name: 'Third name' }).expect(409);
    expect(stale.body).toMatchObject({ statusCode: 409, issues: [{ path: 'expectedRevision' }] });
    const current = await owner.get(`/api/campaigns/${body.id}`).expect(200);
    expect(current.body).toMatchObject({ name: 'Second name', revision: 1 });
  });

  it('rejects invalid input with 400 naming the field, writing nothing', async () => {
    const owner = await setUpOwner(app);
    const cases: Array<[object, string]> = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'ok', textingHours: { start: '25:00', end: '21:00' } }, 'textingHours.start'],
      [{ name: 'ok', textingHours: { start: '21:00', end: '09:00' } }, 'textingHours.end'],
      [{ name: 'ok', surprise: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await owner.post('/api/campaigns').send(body).expect(400);
      expect(response.body.issues.map((i: { path: string }) => i.path), JSON.stringify(body)).toContain(field);
    }
    const malformed = await owner.post('/api/campaigns').set('content-type', 'application/json').send('{"name": ').expect(400);
    expect(malformed.body.message).toMatch(/JSON/);
    expect((await owner.get('/api/campaigns')).body.campaigns).toEqual([]);
    await owner.patch('/api/campaigns/not-a-uuid').send({ expectedRevision: 0, name: 'x' }).expect(400);
    await owner.get('/api/campaigns/0195f5a0-0000-7000-8000-000000000000').expect(404);
  });

  it('keeps state changes away from the anonymous and from other sites', async () => {
    const owner = await setUpOwner(app);
    const anonymous = request(app.app.getHttpServer());
    await anonymous.post('/api/campaigns').send({ name: 'Sneaky' }).expect(401);
    await anonymous.get('/api/campaigns').expect(401);
    await anonymous.get('/api/events').expect(401);
    await owner.post('/api/campaigns').set('Origin', 'https://evil.example').send({ name: 'Forged' }).expect(403);
    await owner.post('/api/campaigns').set('Sec-Fetch-Site', 'cross-site').send({ name: 'Forged' }).expect(403);
    expect((await owner.get('/api/campaigns')).body.campaigns).toEqual([]);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await request(app.app.getHttpServer()).get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('a create retried with the same Idempotency-Key makes one campaign; the same key from someone else is their own', async () => {
    const owner = await setUpOwner(app);
    const key = '0195f5a0-2222-7000-8000-000000000002';
    const first = await owner.post('/api/campaigns').set('Idempotency-Key', key).send({ name: 'Once only' }).expect(201);
    const retry = await owner.post('/api/campaigns').set('Idempotency-Key', key).send({ name: 'Once only' }).expect(201);
    expect(retry.body).toEqual(first.body);
    expect((await owner.get('/api/campaigns')).body.campaigns).toHaveLength(1);
    const log = await owner.get('/api/events?type=CampaignCreated').expect(200);
    expect(log.body.entries).toHaveLength(1);
    const invite = await owner.post('/api/invites').send({ kind: 'named', role: 'admin', email: 'second@example.org' }).expect(201);
    const admin = request.agent(app.app.getHttpServer());
    await admin.post(`/api/join/${invite.body.token}`).send({ name: 'Second Admin', email: 'second@example.org', password: 'another long password' }).expect(201);
    const theirs = await admin.post('/api/campaigns').set('Idempotency-Key', key).send({ name: 'Theirs' }).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect((await owner.get('/api/campaigns')).body.campaigns).toHaveLength(2);
  });

  it('treats a retried request with the same Idempotency-Key as one command', async () => {
    const owner = await setUpOwner(app);
    const { body } = await owner.post('/api/campaigns').send({ name: 'Once' }).expect(201);
    const key = '0195f5a0-1111-7000-8000-000000000001';
    const first = await owner.patch(`/api/campaigns/${body.id}`).set('Idempotency-Key', key).send({ expectedRevision: 0, name: 'Twice?' }).expect(200);
    const retry = await owner.patch(`/api/campaigns/${body.id}`).set('Idempotency-Key', key).send({ expectedRevision: 0, name: 'Twice?' }).expect(200);
    expect(retry.body.position).toBe(first.body.position);
    const log = await owner.get('/api/events?type=CampaignDetailsChanged').expect(200);
    expect(log.body.entries).toHaveLength(1);
  });

  it('a create retried with its key after 60 edits still answers 201 with the same id (the window is a day, not 50 events)', async () => {
    const owner = await setUpOwner(app);
    const key = '0195f5a0-3333-7000-8000-000000000003';
    const first = await owner.post('/api/campaigns').set('Idempotency-Key', key).send({ name: 'Busy campaign' }).expect(201);
    for (let i = 0; i < 60; i++) await owner.patch(`/api/campaigns/${first.body.id}`).send({ expectedRevision: i, name: `Edit ${i}` }).expect(200);
    const retry = await owner.post('/api/campaigns').set('Idempotency-Key', key).send({ name: 'Busy campaign' }).expect(201);
    expect(retry.body).toEqual(first.body);
    expect((await owner.get('/api/campaigns')).body.campaigns).toHaveLength(1);
  });
});
