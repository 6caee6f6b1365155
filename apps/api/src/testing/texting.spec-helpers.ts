import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach } from 'vitest';
import { memberWith, ownerOf, type Member } from './people.spec-helpers.js';
import { startTestApp, testClock, type TestApp } from './test-app.spec-helpers.js';

/** 14:00 in New York on a summer weekday: every US zone's 09:00-21:00 window is open. */
export const OPEN_HOURS = Date.parse('2026-07-15T18:00:00Z');

/** A quiet sandbox: nothing fails, nobody replies on their own, receipts come quickly. */
export const QUIET_SANDBOX: AppConfig['sandbox'] = { fromNumber: '+15005550006', deliveryDelayMs: 20, failureRate: 0, replyRate: 0, replyDelayMs: 50 };

/** The dispatcher's settings as configured by default, with a test's changes (a short reconciliation delay, pacing). */
export const dispatchWith = (changes: Partial<AppConfig['dispatch']>): AppConfig['dispatch'] => ({ ...loadConfig({}).dispatch, ...changes });

/** Phone numbers 212-555-0000 + n, ZIP 10001 (New York). */
export const phoneOf = (n: number) => `+1212555${String(n).padStart(4, '0')}`;

export function contactsCsv(count: number, from = 0): string {
  const rows = ['phone,first name,last name,zip'];
  for (let n = from; n < from + count; n++) rows.push(`${phoneOf(n)},First${n},Last${n},10001`);
  return rows.join('\r\n') + '\r\n';
}

/** An app with its owner and a launched campaign of `contacts` contacts and a one-variant script, at OPEN_HOURS. */
export async function startWithLaunchedCampaign(contacts = 20, overrides: Partial<AppConfig> = {}) {
  const clock = testClock();
  clock.advance(OPEN_HOURS - Date.now());
  const app = await startTestApp({ sandbox: QUIET_SANDBOX, ...overrides }, undefined, clock);
  const http = request(app.app.getHttpServer());
  const owner = await ownerOf(app);
  const campaignId = await launchedCampaign(app, owner, contacts);
  return { app, clock, http, owner, campaignId };
}

export async function launchedCampaign(app: TestApp, owner: Member, contacts: number, name = 'Ward 3 GOTV'): Promise<string> {
  const http = request(app.app.getHttpServer());
  const campaignId = (await http.post('/api/campaigns').set('cookie', owner.cookie).send({ name }).expect(201)).body.id as string;
  const csv = contactsCsv(contacts);
  const preview = await http.post(`/api/campaigns/${campaignId}/uploads/preview`).set('cookie', owner.cookie).set('Content-Type', 'text/csv').send(Buffer.from(csv.slice(0, 4096))).expect(201);
  await http
    .post(`/api/campaigns/${campaignId}/uploads?fileName=contacts.csv`)
    .set('cookie', owner.cookie)
    .set('Content-Type', 'text/csv')
    .set('Textbank-Mapping', encodeURIComponent(JSON.stringify(preview.body.mapping)))
    .send(Buffer.from(csv))
    .expect(201);
  await http.put(`/api/campaigns/${campaignId}/script`).set('cookie', owner.cookie).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}, this is {texterFirstName} with Riverside Tenants. Can we count on you Tuesday?' }] }).expect(200);
  await http.post(`/api/campaigns/${campaignId}/launch`).set('cookie', owner.cookie).send({}).expect(200);
  return campaignId;
}

/** One press of Send: a fresh gesture id unless the test repeats one. */
export function send(app: TestApp, member: Member, campaignId: string, contactId: string, gestureId: string = randomUUID()) {
  return request(app.app.getHttpServer()).post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', member.cookie).set('Idempotency-Key', gestureId).send({ contactId });
}

/** A live texting fixture: before each test an app with a launched campaign of 10 and a volunteer; `open` connects a member's socket, closed after the test. */
export function liveTexting() {
  const sockets: Socket[] = [];
  const live = {
    app: undefined as unknown as TestApp,
    http: undefined as unknown as ReturnType<typeof request>,
    owner: undefined as unknown as Member,
    volunteer: undefined as unknown as Member,
    campaignId: '',
    async open(member: Member): Promise<Socket> {
      const socket = io(live.app.url, { transports: ['websocket'], extraHeaders: { cookie: member.cookie }, reconnection: false, forceNew: true });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));
      return socket;
    },
  };
  beforeEach(async () => {
    ({ app: live.app, http: live.http, owner: live.owner, campaignId: live.campaignId } = await startWithLaunchedCampaign(10));
    live.volunteer = await memberWith(live.app, live.owner, 'volunteer');
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await live.app.close();
  });
  return live;
}
