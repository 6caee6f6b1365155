import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { memberWith, ownerOf } from '../testing/people.spec-helpers.js';
import { startTestApp, testClock } from '../testing/test-app.spec-helpers.js';
import { dispatchWith, launchedCampaign, OPEN_HOURS, QUIET_SANDBOX, send } from '../testing/texting.spec-helpers.js';
import { fakeTwilio } from '../testing/twilio.spec-helpers.js';

const TEXTS = 70;
const RATE = 20;

describe('pacing: a per-sender cap of 20 texts a second', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'textbank-pacing-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is never exceeded in any one-second window at Twilio, across a restart; the queue is visible while it drains', async () => {
    const { fake, twilio } = await fakeTwilio();
    const clock = testClock();
    clock.advance(OPEN_HOURS - Date.now());
    const config = { sandbox: QUIET_SANDBOX, twilio, dispatch: dispatchWith({ perSecond: RATE }) };
    const first = await startTestApp(config, dataDir, clock);
    const owner = await ownerOf(first);
    const campaignId = await launchedCampaign(first, owner, TEXTS);
    const volunteer = await memberWith(first, owner, 'volunteer');
    const http = request(first.app.getHttpServer());
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: TEXTS }).expect(200);
    const contacts = (await http.get(`/api/conversations?campaignId=${campaignId}&limit=100`).set('cookie', volunteer.cookie).expect(200)).body.conversations as Array<{ contactId: string }>;
    expect(contacts).toHaveLength(TEXTS);
    for (const c of contacts) await send(first, volunteer, campaignId, c.contactId).expect(201);

    await expect.poll(() => fake.messages.length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(25);
    const queue = (await http.get('/api/dispatch/queue').set('cookie', owner.cookie).expect(200)).body;
    expect(queue.queued).toBeGreaterThan(0);
    expect(queue.limits.perSecond).toBe(RATE);
    expect(queue.expectedDrainMs).toBeGreaterThan(0);
    await first.app.close(); // a restart mid-queue: the rest waits in the log

    const second = await startTestApp(config, dataDir, clock);
    try {
      await expect.poll(() => fake.messages.length, { timeout: 15_000, interval: 50 }).toBe(TEXTS);
      expect(fake.maxInWindow(1000)).toBeLessThanOrEqual(RATE);
      // Paced, not trickling: 70 texts at 20/s take about 3.5 s of sending.
      const times = fake.messages.map((m) => m.createdAtMs);
      expect(new Set(fake.messages.map((m) => m.body)).size).toBe(TEXTS);
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(((TEXTS - RATE) / RATE) * 1000);
    } finally {
      await second.app.close();
      await fake.stop();
    }
  });

  it('texts waiting for the pace expire when the contact\'s texting hours end, and a pause stops the rest; each with its reason', async () => {
    const { fake, twilio } = await fakeTwilio();
    const clock = testClock();
    clock.advance(OPEN_HOURS - Date.now());
    const app = await startTestApp({ sandbox: QUIET_SANDBOX, twilio, dispatch: dispatchWith({ perSecond: 1 }) }, undefined, clock);
    try {
      const owner = await ownerOf(app);
      const campaignId = await launchedCampaign(app, owner, 6);
      const volunteer = await memberWith(app, owner, 'volunteer');
      const http = request(app.app.getHttpServer());
      await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 6 }).expect(200);
      const contacts = (await http.get(`/api/conversations?campaignId=${campaignId}`).set('cookie', volunteer.cookie).expect(200)).body.conversations as Array<{ contactId: string }>;
      for (const c of contacts.slice(0, 3)) await send(app, volunteer, campaignId, c.contactId).expect(201);
      const thread = async (contactId: string) => (await http.get(`/api/conversations/${contactId}`).set('cookie', volunteer.cookie).expect(200)).body.messages[0];
      await expect.poll(() => fake.messages.length, { timeout: 5000 }).toBe(1);
      // 14:00 in New York becomes 22:00: the texting hours (09:00-21:00) end while two texts wait for their turn.
      clock.advance(8 * 3_600_000);
      await expect.poll(async () => (await Promise.all(contacts.slice(1, 3).map((c) => thread(c.contactId)))).map((m) => [m.status, m.errorCode]), { timeout: 8000 }).toEqual([
        ['not_sent', 'expired'],
        ['not_sent', 'expired'],
      ]);
      expect(fake.messages).toHaveLength(1);
      expect(fake.messages[0]!.validityPeriod).toBeGreaterThan(0);
      expect(fake.messages[0]!.validityPeriod).toBeLessThanOrEqual(7 * 3600);

      // Back inside the hours: three more wait for their turn, and the campaign is paused meanwhile.
      clock.advance(-8 * 3_600_000);
      for (const c of contacts.slice(3)) await send(app, volunteer, campaignId, c.contactId).expect(201);
      await expect.poll(() => fake.messages.length, { timeout: 5000 }).toBe(2);
      await http.post(`/api/campaigns/${campaignId}/pause`).set('cookie', owner.cookie).send({}).expect(200);
      await expect.poll(async () => (await Promise.all(contacts.slice(4).map((c) => thread(c.contactId)))).map((m) => [m.status, m.errorCode]), { timeout: 8000 }).toEqual([
        ['not_sent', 'campaign_not_active'],
        ['not_sent', 'campaign_not_active'],
      ]);
      expect(fake.messages).toHaveLength(2);
    } finally {
      await app.close();
      await fake.stop();
    }
  });
});

