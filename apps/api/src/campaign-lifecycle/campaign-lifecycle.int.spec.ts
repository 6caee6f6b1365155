import type { Change } from '@textbank/contracts';
import { io } from 'socket.io-client';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

describe('campaign lifecycle over HTTP', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  let campaignId: string;
  beforeEach(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    http = request(app.app.getHttpServer());
    campaignId = (await http.post('/api/campaigns').set('cookie', owner.cookie).send({ name: 'GOTV' }).expect(201)).body.id;
  });
  afterEach(async () => app.close());

  const step = (action: string, body: object = {}, as: Member = owner) => http.post(`/api/campaigns/${campaignId}/${action}`).set('cookie', as.cookie).send(body);
  const status = async () => (await http.get(`/api/campaigns/${campaignId}`).set('cookie', owner.cookie).expect(200)).body.status;
  /** Contacts and a script, the real way: a small upload through the API and a saved script. */
  const ready = async () => {
    const csv = Buffer.from('phone,first\r\n(212) 555-0101,Ana\r\n(212) 555-0102,Ben\r\n');
    const uploads = `/api/campaigns/${campaignId}/uploads`;
    const preview = await http.post(`${uploads}/preview`).set('cookie', owner.cookie).set('Content-Type', 'text/csv').send(csv).expect(201);
    await http.post(uploads).set('cookie', owner.cookie).set('Content-Type', 'text/csv').set('Textbank-Mapping', encodeURIComponent(JSON.stringify(preview.body.mapping))).send(csv).expect(201);
    await http.put(`/api/campaigns/${campaignId}/script`).set('cookie', owner.cookie).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}!' }] }).expect(200);
  };

  it('with nothing known yet, the checklist says contacts and a script are missing, and launch is refused with it', async () => {
    const checklist = await http.get(`/api/campaigns/${campaignId}/checklist`).set('cookie', owner.cookie).expect(200);
    expect(checklist.body).toMatchObject({ campaignId, status: 'draft', ready: false });
    expect(checklist.body.items.map((i: { item: string; ready: boolean }) => [i.item, i.ready])).toEqual([
      ['contacts', false],
      ['initialScript', false],
      ['mergeFields', true],
      ['textingHours', true],
    ]);
    const refused = await step('launch').expect(409);
    expect(refused.body).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/^Not ready: No contacts yet.*No initial script yet/),
      issues: [{ path: 'checklist' }],
      checklist: { ready: false, items: checklist.body.items },
    });
    expect(await status()).toBe('draft');
  });

  // Unknown merge fields are refused when a script is saved, so the checklist's item for them is proven in the decider's spec.
  it('names texting hours outside 08:00–21:00', async () => {
    await ready();
    await http.patch(`/api/campaigns/${campaignId}`).set('cookie', owner.cookie).send({ expectedRevision: 0, textingHours: { start: '07:00', end: '21:00' } }).expect(200);
    const refused = await step('launch').expect(409);
    expect(refused.body.checklist.items.filter((i: { ready: boolean }) => !i.ready).map((i: { message: string }) => i.message)).toEqual([
      'Texting hours 07:00–21:00 must lie within 08:00–21:00, the widest window US rules allow',
    ]);
  });

  it('launches, pauses, resumes and archives; the read model and the event log follow', async () => {
    await ready();
    expect((await http.get(`/api/campaigns/${campaignId}/checklist`).set('cookie', owner.cookie).expect(200)).body.ready).toBe(true);
    const launched = await step('launch', { expectedRevision: 0 }).expect(200);
    expect(launched.body).toEqual({ id: campaignId, position: expect.any(String), readable: true });
    expect(await status()).toBe('active');
    await step('launch').expect(200); // already active: nothing recorded
    await step('pause').expect(200);
    expect(await status()).toBe('paused');
    await step('launch').expect(409);
    await step('resume').expect(200);
    expect(await status()).toBe('active');
    // Details are fixed once launched.
    await http.patch(`/api/campaigns/${campaignId}`).set('cookie', owner.cookie).send({ expectedRevision: 3, name: 'Renamed' }).expect(409);
    await step('archive').expect(200);
    expect(await status()).toBe('archived');
    await step('resume').expect(409);
    const log = await http.get(`/api/events?stream=campaign-${campaignId}`).set('cookie', owner.cookie).expect(200);
    expect(log.body.entries.map((e: { type: string }) => e.type).reverse()).toEqual([
      'CampaignCreated',
      'CampaignLaunched',
      'CampaignPaused',
      'CampaignResumed',
      'CampaignArchived',
    ]);
    expect(log.body.entries[0]).toMatchObject({ actor: { name: 'Ada Organizer' }, data: { from: 'active' } });
  });

  // Resume checks the list again (the decider's spec): contacts and scripts cannot go away through the API, so nothing here can fail it.

  it('refuses out-of-order steps, stale revisions, unknown campaigns and bad bodies with clear 4xx', async () => {
    await step('pause').expect(409);
    await step('resume').expect(409);
    await ready();
    await step('launch', { expectedRevision: 5 }).expect(409);
    const bad = await step('launch', { expectedRevision: 'zero' }).expect(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: 'expectedRevision' })]);
    await step('launch', { surprise: true }).expect(400);
    const ghost = '0195f5a0-0000-7000-8000-000000000000';
    await http.post(`/api/campaigns/${ghost}/launch`).set('cookie', owner.cookie).send({}).expect(404);
    await http.get(`/api/campaigns/${ghost}/checklist`).set('cookie', owner.cookie).expect(404);
    await http.post('/api/campaigns/not-a-uuid/pause').set('cookie', owner.cookie).send({}).expect(400);
    expect(await status()).toBe('draft');
  });

  it('admins act, auditors read the checklist, volunteers get 403', async () => {
    const admin = await memberWith(app, owner, 'admin');
    const auditor = await memberWith(app, owner, 'auditor');
    const volunteer = await memberWith(app, owner, 'volunteer');
    await http.get(`/api/campaigns/${campaignId}/checklist`).set('cookie', auditor.cookie).expect(200);
    await http.get(`/api/campaigns/${campaignId}/checklist`).set('cookie', volunteer.cookie).expect(403);
    await step('archive', {}, auditor).expect(403);
    await step('archive', {}, volunteer).expect(403);
    await step('archive', {}, admin).expect(200);
  });

  it("followers of 'campaign:<id>' see the status change live", async () => {
    await ready();
    const page = await http.get(`/api/campaigns/${campaignId}`).set('cookie', owner.cookie).expect(200);
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: owner.cookie }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const topic = `campaign:${campaignId}`;
      await new Promise((resolve) => socket.emit('sync', { topics: [topic], since: page.body.position }, resolve));
      const received: Change[] = [];
      socket.on('change', (change: Change) => received.push(change));
      await step('launch').expect(200);
      await step('pause').expect(200);
      await expect.poll(() => received.map((c) => [c.topic, c.kind === 'campaign.upserted' && c.payload.status])).toEqual([
        [topic, 'active'],
        [topic, 'paused'],
      ]);
    } finally {
      socket.disconnect();
    }
  });
});
