import type { OutboundMessage, ProviderSink, SendResult, SmsProvider } from '@textbank/sms';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf } from '../testing/people.spec-helpers.js';
import { startTestApp, testClock } from '../testing/test-app.spec-helpers.js';
import { CountingProvider, oneTextInFlight, StuckProvider } from '../testing/providers.spec-helpers.js';
import { launchedCampaign, OPEN_HOURS, QUIET_SANDBOX, dispatchWith } from '../testing/texting.spec-helpers.js';

/** Holds every send (or only the first) until the test opens the gate. */
class GatedProvider extends CountingProvider {
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  constructor(private readonly options: { readonly holdFirst?: boolean } = {}) {
    super();
  }
  release() {
    this.open();
  }
  override async send(message: OutboundMessage): Promise<SendResult> {
    this.asked.push(message);
    if (!this.options.holdFirst || this.asked.length === 1) await this.gate;
    return { status: 'accepted', providerMessageId: `SM${randomUUID().replace(/-/g, '')}`, from: '+15005550006' };
  }
}

/** Reports delivery the moment it accepts: before the dispatcher has recorded the send (its outcomes wait a few ms for company). */
class PromptReceiptsProvider extends CountingProvider {
  private sink: ProviderSink | undefined;
  override connect(sink: ProviderSink): void {
    this.sink = sink;
  }
  override async send(message: OutboundMessage): Promise<SendResult> {
    const result = await super.send(message);
    if (result.status === 'accepted') {
      const { providerMessageId } = result;
      setImmediate(() => void this.sink?.delivery({ providerMessageId, status: 'delivered', at: new Date().toISOString() }));
    }
    return result;
  }
}

describe('the dispatcher across a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'textbank-dispatch-'));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a send in flight when the process stopped has an unknown outcome and is never sent again; a provider that cannot be asked leaves it undecided; later sends go out once', async () => {
    const clock = testClock();
    clock.advance(OPEN_HOURS - Date.now());
    const stuck = new StuckProvider();
    const first = await startTestApp({ sandbox: QUIET_SANDBOX, smsProvider: stuck }, dataDir, clock);
    const { campaignId, volunteer, a } = await oneTextInFlight(first, stuck);
    await first.app.close(); // the files stay, as after a kill -9 mid-request

    const counting = new CountingProvider();
    const second = await startTestApp({ sandbox: QUIET_SANDBOX, smsProvider: counting, dispatch: dispatchWith({ reconcileAfterMs: 0, reconcileEveryMs: 100 }) }, dataDir, clock);
    try {
      const again = request(second.app.getHttpServer());
      const thread = async (contactId: string) => (await again.get(`/api/conversations/${contactId}`).set('cookie', volunteer.cookie).expect(200)).body;
      // The counting provider cannot be asked what it did: an admin must decide.
      await expect.poll(async () => (await thread(a.contactId)).messages[0]?.status, { timeout: 5000 }).toBe('undecided');
      const b = (await again.get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', volunteer.cookie).expect(200)).body.next;
      await again.post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ contactId: b.contactId }).expect(201);
      await expect.poll(async () => (await thread(b.contactId)).messages[0]?.status).toBe('dispatched');
      expect(counting.asked.map((m) => m.to)).toEqual([b.phone]);
    } finally {
      await second.app.close();
    }
  });

  it('a STOP that arrives while a text waits in the queue stops it: opt-outs are checked just before each send', async () => {
    const clock = testClock();
    clock.advance(OPEN_HOURS - Date.now());
    const gated = new GatedProvider();
    // One text with the provider at a time: B waits in the queue while A is out.
    const app = await startTestApp({ sandbox: QUIET_SANDBOX, smsProvider: gated, dispatch: dispatchWith({ concurrency: 1 }) }, dataDir, clock);
    try {
      const owner = await ownerOf(app);
      const campaignId = await launchedCampaign(app, owner, 5);
      const volunteer = await memberWith(app, owner, 'volunteer');
      const http = request(app.app.getHttpServer());
      await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 2 }).expect(200);
      const next = async () => (await http.get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', volunteer.cookie).expect(200)).body.next;
      const thread = async (contactId: string) => (await http.get(`/api/conversations/${contactId}`).set('cookie', volunteer.cookie).expect(200)).body;
      const a = await next();
      await http.post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ contactId: a.contactId }).expect(201);
      await expect.poll(() => gated.asked.length).toBe(1); // the dispatcher is busy with A
      const b = await next();
      await http.post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ contactId: b.contactId }).expect(201);
      // B is accepted and queued behind A; now its number opts out.
      await http.post('/api/opt-outs').set('cookie', owner.cookie).send({ phone: b.phone }).expect(201);
      gated.release();
      await expect.poll(async () => (await thread(b.contactId)).messages[0]?.status, { timeout: 5000 }).toBe('not_sent');
      expect((await thread(b.contactId)).messages[0].errorCode).toBe('opted_out');
      expect((await thread(a.contactId)).messages[0].status).toBe('dispatched');
      expect(gated.asked.map((m) => m.to)).toEqual([a.phone]);
    } finally {
      await app.app.close();
    }
  });

  /** A launched campaign on `provider` with a volunteer holding `count` contacts; `sendNext` sends the next one's first text. */
  async function texting(provider: SmsProvider, count: number) {
    const clock = testClock();
    clock.advance(OPEN_HOURS - Date.now());
    const app = await startTestApp({ sandbox: QUIET_SANDBOX, smsProvider: provider }, dataDir, clock);
    const owner = await ownerOf(app);
    const campaignId = await launchedCampaign(app, owner, 5);
    const volunteer = await memberWith(app, owner, 'volunteer');
    const http = request(app.app.getHttpServer());
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count }).expect(200);
    return {
      app,
      async sendNext(): Promise<{ contactId: string; phone: string }> {
        const next = (await http.get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', volunteer.cookie).expect(200)).body.next;
        await http.post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ contactId: next.contactId }).expect(201);
        return next;
      },
      status: async (contactId: string): Promise<string | undefined> => (await http.get(`/api/conversations/${contactId}`).set('cookie', volunteer.cookie).expect(200)).body.messages[0]?.status,
    };
  }

  it('a delivery report that comes back before the send is recorded is not lost: it waits for the record', async () => {
    const { app, sendNext, status } = await texting(new PromptReceiptsProvider(), 3);
    try {
      const sent = [await sendNext(), await sendNext(), await sendNext()];
      await expect.poll(() => Promise.all(sent.map((text) => status(text.contactId))), { timeout: 5000 }).toEqual(['delivered', 'delivered', 'delivered']);
    } finally {
      await app.app.close();
    }
  });

  it('a send the provider holds does not hold the texts after it: they go out while it waits, and it still goes once', async () => {
    const gated = new GatedProvider({ holdFirst: true });
    const { app, sendNext, status } = await texting(gated, 4);
    try {
      const held = await sendNext();
      await expect.poll(() => gated.asked.length).toBe(1); // with the provider, unanswered
      const rest = [await sendNext(), await sendNext(), await sendNext()];
      await expect.poll(() => Promise.all(rest.map((text) => status(text.contactId))), { timeout: 5000 }).toEqual(['dispatched', 'dispatched', 'dispatched']);
      expect(await status(held.contactId)).toBe('queued');
      gated.release();
      await expect.poll(() => status(held.contactId)).toBe('dispatched');
      expect(gated.asked.map((m) => m.to).sort()).toEqual([held, ...rest].map((text) => text.phone).sort());
    } finally {
      await app.app.close();
    }
  });
});
