import type { ProjectionRunner } from '@textbank/projections';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECTIONS } from '../infrastructure/tokens.js';
import { setUpOwner, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

/** Issue 6, item 17: a write answers once its own result is readable, or says it is not yet. */
describe('read your own writes', () => {
  let app: TestApp;
  beforeEach(async () => (app = await startTestApp()));
  afterEach(async () => app.close());

  it('a write made while the read models rebuild waits through the rebuild: the next read shows it', async () => {
    const owner = await setUpOwner(app);
    for (let i = 0; i < 150; i++) await owner.post('/api/campaigns').send({ name: `Campaign ${i}` }).expect(201);
    const rebuilding = owner.post('/api/projections/rebuild').then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const created = await owner.post('/api/campaigns').send({ name: 'Made during the rebuild' }).expect(201);
    expect(created.body.readable).toBe(true);
    const list = await owner.get('/api/campaigns').expect(200);
    expect(list.body.campaigns.map((c: { name: string }) => c.name)).toContain('Made during the rebuild');
    await rebuilding;
  });

  it('when the read models cannot get there, the write is still recorded and says it is not readable yet', async () => {
    const owner = await setUpOwner(app);
    await app.app.get<ProjectionRunner>(PROJECTIONS).stop();
    const created = await owner.post('/api/campaigns').send({ name: 'Recorded, not yet readable' }).expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), readable: false });
  });
});
