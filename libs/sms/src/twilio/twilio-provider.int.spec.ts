import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTwilioServer } from '../testing/fake-twilio-server.js';
import { signedWebhook } from '../testing/signed-webhook.js';
import type { DeliveryUpdate, InboundMessage, OutboundMessage } from '../sms-provider.js';
import { twilioConfigFrom, type TwilioConfig } from './twilio-config.js';
import { TwilioProvider } from './twilio-provider.js';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const TOKEN = 'a'.repeat(32);
const SERVICE = `MG${'2'.repeat(32)}`;
const CAMPAIGN_SERVICE = `MG${'3'.repeat(32)}`;
const PUBLIC = 'https://texting.example.org';
const now = new Date('2026-07-15T18:00:00.000Z');

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({ messageId: 'm1', campaignId: 'c1', to: '+12125550101', body: 'Hi Ana, vote Tuesday!', ...over });

describe('the Twilio provider against the fake Twilio server, through the twilio package', () => {
  let fake: FakeTwilioServer;
  const config = (env: Record<string, string> = {}): TwilioConfig =>
    twilioConfigFrom({
      TWILIO_ACCOUNT_SID: ACCOUNT,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_MESSAGING_SERVICE_SID: SERVICE,
      TWILIO_CAMPAIGN_MESSAGING_SERVICES: `c9=${CAMPAIGN_SERVICE}`,
      PUBLIC_BASE_URL: PUBLIC,
      TWILIO_API_BASE_URL: fake.baseUrl,
      TWILIO_REQUEST_TIMEOUT_MS: '1000',
      ...env,
    });

  beforeEach(async () => {
    fake = new FakeTwilioServer({ credentials: [[ACCOUNT, TOKEN]], refuse: new Map([['+12125550199', 21610]]) });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('sends through the messaging service, asks for status callbacks at the public URL and sets the validity period', async () => {
    const provider = new TwilioProvider(config(), () => now);
    const result = await provider.send(message({ validUntil: new Date(now.getTime() + 3_600_000).toISOString() }));
    expect(result).toEqual({ status: 'accepted', providerMessageId: fake.messages[0]!.sid, from: SERVICE });
    expect(fake.messages[0]).toMatchObject({ to: '+12125550101', body: 'Hi Ana, vote Tuesday!', messagingServiceSid: SERVICE, from: null, statusCallback: `${PUBLIC}/webhooks/twilio/status`, validityPeriod: 3600 });
  });

  it("a campaign with its own messaging service sends through it", async () => {
    const provider = new TwilioProvider(config(), () => now);
    await provider.send(message({ campaignId: 'c9' }));
    expect(fake.messages[0]!.messagingServiceSid).toBe(CAMPAIGN_SERVICE);
  });

  it('from a number pool, a contact always hears from the same number', async () => {
    const pool = ['+15005550001', '+15005550002', '+15005550003'];
    const provider = new TwilioProvider(config({ TWILIO_MESSAGING_SERVICE_SID: '', TWILIO_FROM_NUMBERS: pool.join(',') }), () => now);
    const phones = Array.from({ length: 30 }, (_, i) => `+1212555${String(1000 + i)}`);
    for (const to of [...phones, ...phones]) await provider.send(message({ to }));
    const fromOf = new Map<string, Set<string | null>>();
    for (const m of fake.messages) fromOf.set(m.to, (fromOf.get(m.to) ?? new Set()).add(m.from));
    expect([...fromOf.values()].every((froms) => froms.size === 1)).toBe(true);
    expect(new Set(fake.messages.map((m) => m.from)).size).toBe(3);
  });

  it('authenticates with an API key pair when one is set', async () => {
    const keySid = `SK${'4'.repeat(32)}`;
    const secret = 'k'.repeat(32);
    await fake.stop();
    fake = new FakeTwilioServer({ credentials: [[keySid, secret]] });
    await fake.start();
    const provider = new TwilioProvider(config({ TWILIO_API_KEY_SID: keySid, TWILIO_API_KEY_SECRET: secret }), () => now);
    expect((await provider.send(message())).status).toBe('accepted');
    const wrong = new TwilioProvider(config(), () => now);
    expect(await wrong.send(message())).toMatchObject({ status: 'failed', errorCode: '20003' });
  });

  it('asks Twilio as many at once as it is configured to (the package alone would hold 20 connections)', async () => {
    await fake.stop();
    fake = new FakeTwilioServer({ credentials: [[ACCOUNT, TOKEN]], latencyMs: 300 });
    await fake.start();
    const sendMany = (provider: TwilioProvider) => Promise.all(Array.from({ length: 40 }, (_, i) => provider.send(message({ to: `+1212555${String(2000 + i)}` }))));
    await sendMany(new TwilioProvider(config(), () => now));
    expect(fake.mostConnections).toBe(20);
    // The first pool's idle connections closed, the count afresh.
    await fake.stop();
    await fake.start();
    fake.mostConnections = 0;
    const results = await sendMany(new TwilioProvider({ ...config(), maxSockets: 40 }, () => now));
    expect(results.every((result) => result.status === 'accepted')).toBe(true);
    expect(fake.mostConnections).toBe(40);
  });

  it('maps what Twilio answers: a refusal with its code, 429 back-pressure deferred, a 5xx unknown', async () => {
    const provider = new TwilioProvider(config(), () => now);
    expect(await provider.send(message({ to: '+12125550199' }))).toMatchObject({ status: 'failed', errorCode: '21610' });
    expect(await provider.send(message({ to: '12' }))).toMatchObject({ status: 'failed', errorCode: '21211' });
    fake.next({ kind: 'throttle' }, { kind: 'error', status: 503, code: 20503 });
    expect(await provider.send(message())).toMatchObject({ status: 'deferred', retryAfterMs: 1000 });
    expect(await provider.send(message())).toMatchObject({ status: 'ambiguous' });
    expect(fake.messages).toHaveLength(0);
  });

  it('a timeout or a dropped connection after sending is unknown; connection refused is retried and then deferred, never unknown', async () => {
    const provider = new TwilioProvider(config(), () => now);
    fake.next({ kind: 'slow', ms: 1500 });
    expect(await provider.send(message())).toMatchObject({ status: 'ambiguous' });
    fake.next({ kind: 'drop-after-create' });
    expect(await provider.send(message({ body: 'second' }))).toMatchObject({ status: 'ambiguous' });
    expect(fake.messages.map((m) => m.body)).toEqual(['Hi Ana, vote Tuesday!', 'second']);
    const before = fake.createRequests;
    await fake.stop();
    expect(await provider.send(message({ body: 'third' }))).toMatchObject({ status: 'deferred' });
    expect(fake.createRequests).toBe(before);
  });

  it('a refused connection that comes back within the retries goes out once', async () => {
    const provider = new TwilioProvider(config(), () => now);
    await fake.stop();
    const sending = provider.send(message());
    await new Promise((resolve) => setTimeout(resolve, 150));
    await fake.start();
    expect((await sending).status).toBe('accepted');
    expect(fake.messages).toHaveLength(1);
  });

  it('looks up an unanswered send: one match, none, or undecidable when two match or Twilio cannot be asked', async () => {
    const provider = new TwilioProvider(config(), () => now);
    const attemptedAt = new Date().toISOString();
    fake.next({ kind: 'drop-after-create' });
    await provider.send(message());
    expect(await provider.lookup(message(), attemptedAt)).toEqual({ found: 'one', providerMessageId: fake.messages[0]!.sid, from: SERVICE });
    expect(await provider.lookup(message({ body: 'never sent' }), attemptedAt)).toEqual({ found: 'none' });
    expect(await provider.lookup(message({ to: '+12125550102' }), attemptedAt)).toEqual({ found: 'none' });
    await provider.send(message());
    expect(await provider.lookup(message(), attemptedAt)).toMatchObject({ found: 'undecidable' });
    await fake.stop();
    expect(await provider.lookup(message(), attemptedAt)).toMatchObject({ found: 'undecidable' });
  });

  describe('webhooks', () => {
    const status = { MessageSid: `SM${'5'.repeat(32)}`, MessageStatus: 'delivered', AccountSid: ACCOUNT, To: '+12125550101' };
    const received = () => {
      const updates: DeliveryUpdate[] = [];
      const inbound: InboundMessage[] = [];
      return { updates, inbound, sink: { delivery: (u: DeliveryUpdate) => void updates.push(u), inbound: (m: InboundMessage) => void inbound.push(m) } };
    };

    it('takes a status callback signed for its URL, and refuses unsigned, forged and other-URL ones before reading them', async () => {
      const provider = new TwilioProvider(config(), () => now);
      const { updates, sink } = received();
      provider.connect(sink);
      const url = `${PUBLIC}/webhooks/twilio/status`;
      const call = (headers: Record<string, string>, params: Record<string, string> = status, path = '/webhooks/twilio/status') =>
        provider.receiveStatus({ pathAndQuery: path, signature: headers['X-Twilio-Signature'], signatureSettings: headers['X-Twilio-Webhooks-Signature-Settings'], params });
      expect(await call(signedWebhook(TOKEN, url, status))).toEqual({ ok: true });
      expect(await call({})).toEqual({ ok: false, reason: 'forbidden' });
      expect(await call(signedWebhook('b'.repeat(32), url, status))).toEqual({ ok: false, reason: 'forbidden' });
      expect(await call(signedWebhook(TOKEN, url, status), { ...status, MessageStatus: 'failed' })).toEqual({ ok: false, reason: 'forbidden' });
      expect(await call(signedWebhook(TOKEN, 'https://elsewhere.example.org/webhooks/twilio/status', status))).toEqual({ ok: false, reason: 'forbidden' });
      expect(await call(signedWebhook(TOKEN, url, status), status, '/webhooks/twilio/inbound')).toEqual({ ok: false, reason: 'forbidden' });
      expect(updates).toEqual([{ providerMessageId: status.MessageSid, status: 'delivered', at: now.toISOString() }]);
    });

    it('checks SharedKey (HMAC-SHA256) signatures with the shared secret, and refuses them when none is configured', async () => {
      const shared = 's'.repeat(32);
      const url = `${PUBLIC}/webhooks/twilio/inbound`;
      const params = { MessageSid: `SM${'6'.repeat(32)}`, From: '+12125550101', To: '+15005550006', Body: 'YES', AccountSid: ACCOUNT };
      const headers = signedWebhook(shared, url, params, { id: 'webhooks_sharedkey_1' });
      const call = (provider: TwilioProvider) =>
        provider.receiveInbound({ pathAndQuery: '/webhooks/twilio/inbound', signature: headers['X-Twilio-Signature'], signatureSettings: headers['X-Twilio-Webhooks-Signature-Settings'], params });
      const withKey = new TwilioProvider(config({ TWILIO_WEBHOOK_SHARED_KEY_SECRET: shared }), () => now);
      const { inbound, sink } = received();
      withKey.connect(sink);
      expect(await call(withKey)).toEqual({ ok: true });
      expect(inbound).toEqual([{ providerMessageId: params.MessageSid, from: '+12125550101', to: '+15005550006', body: 'YES', receivedAt: now.toISOString() }]);
      expect(await call(new TwilioProvider(config(), () => now))).toEqual({ ok: false, reason: 'forbidden' });
      // The same signature read as SHA-1 (the settings header stripped) fails.
      expect(await withKey.receiveInbound({ pathAndQuery: '/webhooks/twilio/inbound', signature: headers['X-Twilio-Signature'], signatureSettings: undefined, params })).toEqual({ ok: false, reason: 'forbidden' });
    });

    it('a signed callback from another account, or without a MessageSid, is refused', async () => {
      const provider = new TwilioProvider(config(), () => now);
      provider.connect(received().sink);
      const url = `${PUBLIC}/webhooks/twilio/status`;
      const other = { ...status, AccountSid: `AC${'9'.repeat(32)}` };
      expect(await provider.receiveStatus({ pathAndQuery: '/webhooks/twilio/status', signature: signedWebhook(TOKEN, url, other)['X-Twilio-Signature'], signatureSettings: undefined, params: other })).toEqual({ ok: false, reason: 'forbidden' });
      const { MessageSid: _, ...noSid } = status;
      expect(await provider.receiveStatus({ pathAndQuery: '/webhooks/twilio/status', signature: signedWebhook(TOKEN, url, noSid)['X-Twilio-Signature'], signatureSettings: undefined, params: noSid })).toEqual({ ok: false, reason: 'invalid', field: 'MessageSid' });
    });
  });
});
