import { conversationStream, deliveryAlarmStream } from '@textbank/domain';
import type { EventStore } from '@textbank/event-store';
import type { FakeTwilioServer } from '@textbank/sms/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { memberWith } from '../testing/people.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';
import { send, startWithLaunchedCampaign } from '../testing/texting.spec-helpers.js';
import { fakeTwilio, postWebhook, PUBLIC_BASE_URL, TWILIO_ACCOUNT } from '../testing/twilio.spec-helpers.js';
import type { Member } from '../testing/people.spec-helpers.js';

describe('Twilio webhooks through the app', () => {
  let fake: FakeTwilioServer;
  let app: TestApp;
  let campaignId: string;
  let volunteer: Member;
  let owner: Member;
  let store: EventStore;
  const http = () => request(app.app.getHttpServer());

  beforeAll(async () => {
    const twilio = await fakeTwilio();
    fake = twilio.fake;
    const started = await startWithLaunchedCampaign(10, { twilio: twilio.twilio });
    ({ app, campaignId } = started);
    owner = started.owner;
    volunteer = await memberWith(app, owner, 'volunteer');
    store = app.app.get(EVENT_STORE);
    await http().post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 10 }).expect(200);
  });
  afterAll(async () => {
    await app.close();
    await fake.stop();
  });

  /** Sends the next contact's first text and waits until the fake Twilio has it and the dispatch is recorded. */
  async function dispatched(): Promise<{ contactId: string; phone: string; sid: string }> {
    const next = (await http().get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', volunteer.cookie).expect(200)).body.next;
    await send(app, volunteer, campaignId, next.contactId).expect(201);
    await expect.poll(async () => (await thread(next.contactId)).messages[0]?.status, { timeout: 5000 }).toBe('dispatched');
    const sid = fake.messages.find((m) => m.to === next.phone)!.sid;
    return { contactId: next.contactId, phone: next.phone, sid };
  }
  const thread = async (contactId: string) => (await http().get(`/api/conversations/${contactId}`).set('cookie', volunteer.cookie).expect(200)).body;
  const typesIn = async (stream: string) => (await store.readStream(stream).catch(() => [])).map((e) => e.type);
  const status = (sid: string, MessageStatus: string, extra: Record<string, string> = {}) => ({ MessageSid: sid, MessageStatus, AccountSid: TWILIO_ACCOUNT, ...extra });

  it('sends through the fake Twilio with a status callback at the public URL', async () => {
    const { phone } = await dispatched();
    expect(fake.messages.find((m) => m.to === phone)).toMatchObject({ statusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status` });
  });

  it('status callbacks retried 5 times and out of order converge on the final status, one event each; a late "sent" never overwrites "delivered"', async () => {
    const { contactId, sid } = await dispatched();
    for (const s of ['delivered', 'sent', 'queued', 'delivered', 'sent']) {
      for (let i = 0; i < 5; i++) await postWebhook(app, 'status', status(sid, s)).expect(204);
    }
    expect((await thread(contactId)).messages[0].status).toBe('delivered');
    expect((await typesIn(conversationStream(contactId))).filter((t) => t === 'MessageDeliveryUpdated')).toHaveLength(1);
  });

  it('forged, unsigned and other-URL callbacks are refused with 403 and record nothing', async () => {
    const { contactId, sid } = await dispatched();
    const head = await store.headPosition();
    await postWebhook(app, 'status', status(sid, 'failed'), { token: 'f'.repeat(32) }).expect(403);
    await postWebhook(app, 'status', status(sid, 'failed'), { unsigned: true }).expect(403);
    await postWebhook(app, 'status', status(sid, 'failed'), { url: 'https://attacker.example.net/webhooks/twilio/status' }).expect(403);
    await postWebhook(app, 'status', status(sid, 'failed'), { url: `${PUBLIC_BASE_URL}/webhooks/twilio/inbound` }).expect(403);
    await postWebhook(app, 'inbound', { MessageSid: `SM${'7'.repeat(32)}`, From: '+12125550000', To: '+15005550006', Body: 'STOP', AccountSid: TWILIO_ACCOUNT }, { token: 'f'.repeat(32) }).expect(403);
    expect(await store.headPosition()).toEqual(head);
    expect((await thread(contactId)).messages[0].status).toBe('dispatched');
  });

  it('an inbound text answers empty TwiML; retried 5 times it is one reply', async () => {
    const { contactId, phone } = await dispatched();
    const inbound = { MessageSid: `SM${'8'.repeat(32)}`, From: phone, To: '+15005550006', Body: 'Yes, count me in', AccountSid: TWILIO_ACCOUNT };
    for (let i = 0; i < 5; i++) {
      const answer = await postWebhook(app, 'inbound', inbound).expect(200);
      expect(answer.headers['content-type']).toMatch(/^text\/xml/);
      expect(answer.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    }
    expect((await typesIn(conversationStream(contactId))).filter((t) => t === 'ReplyReceived')).toHaveLength(1);
    expect((await thread(contactId)).messages.map((m: { body: string }) => m.body)).toContain('Yes, count me in');
  });

  it('a landline (30006) marks the contact unreachable once, beside its thread and on the dashboard; filtered texts (30007) raise one campaign alarm', async () => {
    const a = await dispatched();
    for (let i = 0; i < 5; i++) await postWebhook(app, 'status', status(a.sid, 'undelivered', { ErrorCode: '30006' })).expect(204);
    expect((await thread(a.contactId)).messages[0]).toMatchObject({ status: 'undelivered', errorCode: '30006' });
    expect((await typesIn(conversationStream(a.contactId))).filter((t) => t === 'ContactMarkedUnreachable')).toHaveLength(1);
    const b = await dispatched();
    const c = await dispatched();
    await postWebhook(app, 'status', status(b.sid, 'undelivered', { ErrorCode: '30007' })).expect(204);
    await postWebhook(app, 'status', status(c.sid, 'undelivered', { ErrorCode: '30007' })).expect(204);
    expect(await typesIn(deliveryAlarmStream(campaignId))).toEqual(['DeliveryAlarmRaised']);
    expect((await thread(a.contactId)).conversation.unreachable).toBe('landline');
    expect((await thread(b.contactId)).conversation.unreachable).toBeNull();
    await expect
      .poll(async () => (await http().get(`/api/campaigns/${campaignId}/dashboard`).set('cookie', owner.cookie).expect(200)).body, { timeout: 5000 })
      .toMatchObject({ counters: { unreachable: 1 }, alarm: { on: true, carrier: [{ alarm: 'carrier_filtered', errorCode: '30007' }] } });
  });

  it('a signed callback without its MessageSid is a 400 naming it', async () => {
    const answer = await postWebhook(app, 'status', { MessageStatus: 'sent', AccountSid: TWILIO_ACCOUNT }).expect(400);
    expect(JSON.stringify(answer.body)).toContain('MessageSid');
  });
});
