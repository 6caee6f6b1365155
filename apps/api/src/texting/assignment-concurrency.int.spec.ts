import { SqliteEventStore } from '@textbank/event-store';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWith, type Member } from '../testing/people.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';
import { startWithLaunchedCampaign } from '../testing/texting.spec-helpers.js';

/** "At most one owner per contact, under any concurrency": 200 requests for more at once. */
describe('200 concurrent requests for contacts', () => {
  let app: TestApp;
  let http: ReturnType<typeof request>;
  let campaignId: string;
  let owner: Member;
  const texters: Member[] = [];
  beforeAll(async () => {
    ({ app, http, owner, campaignId } = await startWithLaunchedCampaign(5_000));
    for (let i = 0; i < 20; i++) texters.push(await memberWith(app, owner, 'volunteer'));
  }, 120_000);
  afterAll(async () => app.close());

  it('hand out every contact at most once, and nobody holds more than a batch', async () => {
    // Per texter, a whole batch (200) and nine more requests of 50, all at the same moment.
    const asks = texters.flatMap((texter) => [200, ...Array(9).fill(50)].map((count) => http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', texter.cookie).send({ count })));
    const answers = await Promise.all(asks);
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const assigned = answers.filter((a) => a.status === 200).reduce((sum, a) => sum + (a.body.assigned as number), 0);
    // Each texter holds at most a batch (200) untexted: 20 x 200.
    expect(assigned).toBe(20 * 200);
    // Nobody is told the pool is empty while it holds 5,000 (concurrent requests take disjoint candidates).
    expect(answers.filter((a) => a.status === 409).every((a) => /still have 200 contacts to text/.test(a.body.message))).toBe(true);

    // The log: no contact in two hand-outs (nothing was released in between).
    const store = new SqliteEventStore({ path: app.config.eventStorePath });
    const events = (await store.readStream(`texting-${campaignId}`)).filter((e) => e.type === 'ContactsAssigned');
    await store.close();
    const owners = new Map<string, string>();
    let twice = 0;
    for (const event of events) {
      const { texterId, contactIds } = event.data as { texterId: string; contactIds: string[] };
      for (const id of contactIds) {
        if (owners.has(id)) twice++;
        owners.set(id, texterId);
      }
    }
    expect(twice).toBe(0);
    expect(owners.size).toBe(4_000);
    const held = new Map<string, number>();
    for (const texter of owners.values()) held.set(texter, (held.get(texter) ?? 0) + 1);
    expect([...held.values()].every((n) => n === 200)).toBe(true);

    // The read model agrees.
    const summary = (await http.get(`/api/campaigns/${campaignId}/assignments`).set('cookie', owner.cookie).expect(200)).body;
    expect(summary.unassigned).toBe(1_000);
    expect(summary.texters.map((t: { needsFirstText: number }) => t.needsFirstText)).toEqual(Array(20).fill(200));
  }, 120_000);
});
