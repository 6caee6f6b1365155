import { conversationStream } from '@textbank/domain';
import type { EventStore } from '@textbank/event-store';
import type { FakeTwilioServer } from '@textbank/sms/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { memberWith, type Member } from '../testing/people.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';
import { send, startWithLaunchedCampaign, dispatchWith } from '../testing/texting.spec-helpers.js';
import { fakeTwilio } from '../testing/twilio.spec-helpers.js';

/** Reconciliation waits this long (test clock) before asking Twilio; the test moves the clock past it. */
const SETTLE_MS = 60_000;

describe('sends without an answer: outcome unknown, then reconciled by asking Twilio, never re-sent', () => {
  let fake: FakeTwilioServer;
  let app: TestApp;
  let clock: { advance(ms: number): void };
  let owner: Member;
  let volunteer: Member;
  let campaignId: string;
  let store: EventStore;
  const http = () => request(app.app.getHttpServer());
  const thread = async (contactId: string) => (await http().get(`/api/conversations/${contactId}`).set('cookie', volunteer.cookie).expect(200)).body;
  const statusOf = async (contactId: string) => (await thread(contactId)).messages[0]?.status as string | undefined;

  beforeAll(async () => {
    const twilio = await fakeTwilio();
    fake = twilio.fake;
    const started = await startWithLaunchedCampaign(10, { twilio: twilio.twilio, dispatch: dispatchWith({ reconcileAfterMs: SETTLE_MS, reconcileEveryMs: 100 }) });
    ({ app, campaignId, clock, owner } = started);
    volunteer = await memberWith(app, owner, 'volunteer');
    store = app.app.get(EVENT_STORE);
    await http().post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 10 }).expect(200);
  });
  afterAll(async () => {
    await app.close();
    await fake.stop();
  });

  async function sendNext(): Promise<{ contactId: string; phone: string }> {
    const next = (await http().get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', volunteer.cookie).expect(200)).body.next;
    await send(app, volunteer, campaignId, next.contactId).expect(201);
    return next;
  }

  /** Sends the next text while the fake Twilio loses the answer as told; waits until its outcome is unknown. */
  async function sendLosingTheAnswer(kind: 'drop-after-create' | 'drop-before-create'): Promise<{ contactId: string; phone: string }> {
    fake.next({ kind });
    const next = await sendNext();
    await expect.poll(() => statusOf(next.contactId), { timeout: 5000 }).toBe('unknown');
    return next;
  }

  it('Twilio created it but the answer was lost: unknown, then dispatched with the SID Twilio has; sent once', async () => {
    const { contactId, phone } = await sendLosingTheAnswer('drop-after-create');
    clock.advance(SETTLE_MS);
    await expect.poll(() => statusOf(contactId), { timeout: 5000 }).toBe('dispatched');
    const events = await store.readStream(conversationStream(contactId));
    expect(events.map((e) => e.type)).toEqual(['MessageOutcomeUnknown', 'MessageDispatched']);
    const atTwilio = fake.messages.filter((m) => m.to === phone);
    expect(atTwilio).toHaveLength(1);
    expect(events[1]!.data).toMatchObject({ providerMessageId: atTwilio[0]!.sid, reconciled: true });
  });

  it('the connection dropped before Twilio created it: unknown, then not sent (never got there); nothing at Twilio', async () => {
    const { contactId, phone } = await sendLosingTheAnswer('drop-before-create');
    clock.advance(SETTLE_MS);
    await expect.poll(() => statusOf(contactId), { timeout: 5000 }).toBe('not_sent');
    expect((await thread(contactId)).messages[0].errorCode).toBe('not_at_provider');
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(0);
  });

  it('429 back-pressure is waited out and the text goes out once, never a failure', async () => {
    fake.next({ kind: 'throttle' }, { kind: 'throttle' });
    const { contactId, phone } = await sendNext();
    await expect.poll(() => statusOf(contactId), { timeout: 8000 }).toBe('dispatched');
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('when Twilio cannot be asked, the send is undecided: listed for admins and never retried', async () => {
    const { contactId, phone } = await sendLosingTheAnswer('drop-after-create');
    await fake.stop();
    clock.advance(SETTLE_MS);
    await expect.poll(() => statusOf(contactId), { timeout: 5000 }).toBe('undecided');
    await fake.start();
    const listed = (await http().get('/api/dispatch/undecided').set('cookie', owner.cookie).expect(200)).body.messages;
    expect(listed).toEqual([expect.objectContaining({ contactId, campaignId, detail: expect.stringContaining('Twilio could not be asked') })]);
    await http().get('/api/dispatch/undecided').set('cookie', volunteer.cookie).expect(403);
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(1);
  });
});
