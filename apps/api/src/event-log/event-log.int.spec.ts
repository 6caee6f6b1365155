import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpOwner, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

interface Entry {
  type: string;
  stream: string;
  position: string;
  actor: { name?: string } | null;
  data: Record<string, unknown>;
}

describe('the event log over HTTP', () => {
  let app: TestApp;
  let owner: Awaited<ReturnType<typeof setUpOwner>>;
  const ids: string[] = [];
  beforeEach(async () => {
    app = await startTestApp();
    owner = await setUpOwner(app);
    ids.length = 0;
    for (const name of ['A', 'B', 'C']) ids.push((await owner.post('/api/campaigns').send({ name }).expect(201)).body.id);
    await owner.patch(`/api/campaigns/${ids[0]}`).send({ expectedRevision: 0, name: 'A2' }).expect(200);
  });
  afterEach(async () => app.close());

  it('pages every event newest first', async () => {
    const first = await owner.get('/api/events?limit=3').expect(200);
    expect(first.body.entries.map((e: Entry) => e.type)).toEqual(['CampaignDetailsChanged', 'CampaignCreated', 'CampaignCreated']);
    expect(first.body.entries[0]).toMatchObject({ stream: `campaign-${ids[0]}`, actor: { name: 'Ada Organizer' }, data: { name: 'A2' } });
    const second = await owner.get(`/api/events?limit=3&before=${first.body.nextBefore}`).expect(200);
    expect(second.body.entries.map((e: Entry) => e.type)).toEqual(['CampaignCreated', 'PersonJoined', 'OrganizationCreated']);
    expect(second.body.nextBefore).toBeNull();
    const positions = [...first.body.entries, ...second.body.entries].map((e: Entry) => BigInt(e.position));
    expect(positions.every((p, i) => i === 0 || p < positions[i - 1]!)).toBe(true);
  });

  it('filters by type, by exact stream and by stream category', async () => {
    const byType = await owner.get('/api/events?type=CampaignCreated').expect(200);
    expect(byType.body.entries).toHaveLength(3);
    const byStream = await owner.get(`/api/events?stream=campaign-${ids[0]}`).expect(200);
    expect(byStream.body.entries.map((e: Entry) => e.type)).toEqual(['CampaignDetailsChanged', 'CampaignCreated']);
    const byCategory = await owner.get('/api/events?stream=campaign-').expect(200);
    expect(byCategory.body.entries).toHaveLength(4);
    const types = await owner.get('/api/events/types').expect(200);
    expect(types.body.types).toEqual(['CampaignCreated', 'CampaignDetailsChanged', 'OrganizationCreated', 'PersonJoined']);
  });

  it('refuses bad paging input with the field named', async () => {
    const cases: Array<[string, string]> = [
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['before=abc', 'before'],
      ['unknown=1', 'body'],
    ];
    for (const [query, field] of cases) {
      const response = await owner.get(`/api/events?${query}`).expect(400);
      expect(response.body.issues.map((i: { path: string }) => i.path), query).toContain(field);
    }
    await request(app.app.getHttpServer()).get('/api/events/types').expect(401);
  });
});
