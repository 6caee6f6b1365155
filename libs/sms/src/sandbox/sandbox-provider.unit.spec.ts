import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryUpdate, OutboundMessage, SendResult } from '../sms-provider.js';
import { SandboxProvider, type SandboxOptions } from './sandbox-provider.js';
import { manualClock, recordingSink, seededRandom } from './sandbox.spec-helpers.js';
import { CARRIER_FAILURES, SEND_REFUSALS } from './simulated-failures.js';
import { SIMULATED_REPLIES, type ReplyCategory } from './simulated-replies.js';

const SID = /^SM[0-9a-f]{32}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const text = (i: number): OutboundMessage => ({
  messageId: `m-${i}`,
  campaignId: 'c-1',
  to: `+1202555${String(i % 10_000).padStart(4, '0')}`,
  body: 'Hi, will you vote on Tuesday?',
});

function sandbox(options: SandboxOptions = {}) {
  const time = manualClock();
  const recorded = recordingSink();
  const provider = new SandboxProvider({ random: seededRandom(42), clock: time.clock, ...options });
  provider.connect(recorded.sink);
  return { provider, time, ...recorded };
}

const byMessage = (updates: readonly DeliveryUpdate[]) => {
  const statuses = new Map<string, string[]>();
  for (const u of updates) statuses.set(u.providerMessageId, [...(statuses.get(u.providerMessageId) ?? []), u.status]);
  return statuses;
};

const accepted = (result: SendResult) => {
  if (result.status !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(result)}`);
  return result;
};

describe('the sandbox provider', () => {
  afterEach(() => void vi.useRealTimers());

  it('accepts a send at once with a Twilio-shaped SID from the sandbox number', async () => {
    const { provider } = sandbox({ failureRate: 0 });
    const first = accepted(await provider.send(text(1)));
    const second = accepted(await provider.send(text(2)));
    expect(provider.name).toBe('sandbox');
    expect(first.providerMessageId).toMatch(SID);
    expect(first.providerMessageId).not.toBe(second.providerMessageId);
    expect(first.from).toBe('+15005550006');
  });

  it('sends from the configured number', async () => {
    const { provider } = sandbox({ failureRate: 0, fromNumber: '+14155550100' });
    expect(accepted(await provider.send(text(1))).from).toBe('+14155550100');
  });

  it('reports sent, then delivered, from half to one and a half delivery delays after the send', async () => {
    const { provider, time, deliveries } = sandbox({ failureRate: 0, replyRate: 0, deliveryDelayMs: 1000 });
    const sids = await Promise.all(Array.from({ length: 200 }, async (_, i) => accepted(await provider.send(text(i))).providerMessageId));

    time.advance(499);
    expect(deliveries().filter((u) => u.status === 'delivered')).toEqual([]);
    time.advance(1001); // now 1500 ms after the sends
    const statuses = byMessage(deliveries());
    expect(statuses.size).toBe(200);
    for (const sid of sids) expect(statuses.get(sid)).toEqual(['sent', 'delivered']);
    expect(time.pendingCount()).toBe(0);
    // jitter: not all at the same moment
    expect(new Set(deliveries().map((u) => u.at)).size).toBeGreaterThan(100);
  });

  it('stamps updates with the clock time', async () => {
    const { provider, time, deliveries } = sandbox({ failureRate: 0, replyRate: 0 });
    await provider.send(text(1));
    time.run();
    const [sent, delivered] = deliveries();
    expect(sent!.at).toMatch(ISO);
    expect(Date.parse(delivered!.at)).toBe(time.clock.now());
    expect(Date.parse(sent!.at)).toBeLessThan(Date.parse(delivered!.at));
  });

  it('respects the failure, refusal and reply rates over 10,000 sends', async () => {
    const { provider, time, deliveries, inbound } = sandbox();
    const results: SendResult[] = [];
    for (let i = 0; i < 10_000; i++) results.push(await provider.send(text(i)));
    time.run();

    const refused = results.filter((r) => r.status === 'failed').length;
    const statuses = [...byMessage(deliveries()).values()].map((s) => s.at(-1));
    const failedLater = statuses.filter((s) => s === 'undelivered' || s === 'failed').length;
    const delivered = statuses.filter((s) => s === 'delivered').length;

    expect(statuses).toHaveLength(10_000 - refused); // every accepted send ends somewhere
    expect((refused + failedLater) / 10_000).toBeCloseTo(0.03, 2); // ±0.005
    expect(refused / (refused + failedLater)).toBeGreaterThan(0.15); // some at once...
    expect(refused / (refused + failedLater)).toBeLessThan(0.35); // ...most later (default share 0.25)
    expect(inbound().length / delivered).toBeGreaterThan(0.28);
    expect(inbound().length / delivered).toBeLessThan(0.32);
  });

  it('answers in each category about as often as its weight says', async () => {
    const weights = { yes: 0.4, no: 0.3, question: 0.15, stop: 0.1, wrongNumber: 0.05 };
    const { provider, time, inbound } = sandbox({ failureRate: 0, replyRate: 1, replyWeights: weights, random: seededRandom(7) });
    for (let i = 0; i < 5_000; i++) await provider.send(text(i));
    time.run();

    const categoryOf = new Map(Object.entries(SIMULATED_REPLIES).flatMap(([category, bodies]) => bodies.map((b) => [b, category])));
    const replies = inbound();
    expect(replies).toHaveLength(5_000);
    for (const [category, weight] of Object.entries(weights)) {
      const share = replies.filter((r) => categoryOf.get(r.body) === category).length / replies.length;
      expect(share, category).toBeGreaterThan(weight - 0.025);
      expect(share, category).toBeLessThan(weight + 0.025);
    }
  });

  it('refuses at send with the real Twilio codes', async () => {
    const { provider, time, events } = sandbox({ failureRate: 1, refusedAtSendShare: 1 });
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => provider.send(text(i))));
    time.run();

    const codes = new Set(results.map((r) => (r.status === 'failed' ? r.errorCode : r.status)));
    expect([...codes].sort()).toEqual(['21211', '21610', '21614']);
    for (const r of results) if (r.status === 'failed') expect(r.errorMessage).toBe(SEND_REFUSALS.find((s) => s.code === r.errorCode)!.message);
    expect(events).toEqual([]); // a refused text has no delivery updates and no answer
  });

  it('fails accepted texts later with carrier codes: sent then undelivered, or failed alone, and never answered', async () => {
    const { provider, time, deliveries, inbound } = sandbox({ failureRate: 1, refusedAtSendShare: 0, replyRate: 1 });
    for (let i = 0; i < 500; i++) accepted(await provider.send(text(i)));
    time.run();

    const updates = deliveries();
    const codes = new Set(updates.flatMap((u) => (u.errorCode ? [u.errorCode] : [])));
    expect([...codes].sort()).toEqual(['30003', '30005', '30006', '30007', '30008']);
    for (const [sid, statuses] of byMessage(updates)) {
      const last = updates.filter((u) => u.providerMessageId === sid).at(-1)!;
      const expected = CARRIER_FAILURES.find((f) => f.code === last.errorCode)!;
      expect(statuses).toEqual(expected.status === 'undelivered' ? ['sent', 'undelivered'] : ['failed']);
    }
    expect(updates.filter((u) => u.status === 'sent').every((u) => u.errorCode === undefined)).toBe(true);
    expect(inbound()).toEqual([]);
  });

  it('has a contact answer after delivery, from the number texted to the sandbox number', async () => {
    const { provider, time, events } = sandbox({ failureRate: 0, replyRate: 1, deliveryDelayMs: 1000, replyDelayMs: 4000 });
    const { providerMessageId } = accepted(await provider.send(text(5)));
    time.advance(1500);
    const deliveredAt = time.clock.now();
    expect(events.map((e) => (e.kind === 'delivery' ? e.update.status : e.kind))).toEqual(['sent', 'delivered']);

    time.advance(1999);
    expect(events).toHaveLength(2); // not before half the reply delay
    time.advance(4000);
    const reply = events[2];
    expect(reply?.kind).toBe('inbound');
    if (reply?.kind !== 'inbound') return;
    expect(reply.message).toMatchObject({ from: text(5).to, to: '+15005550006' });
    expect(reply.message.providerMessageId).toMatch(SID);
    expect(reply.message.providerMessageId).not.toBe(providerMessageId);
    expect(reply.message.receivedAt).toMatch(ISO);
    expect(Date.parse(reply.message.receivedAt) - deliveredAt).toBeGreaterThanOrEqual(0);
    expect(Object.values(SIMULATED_REPLIES).flat()).toContain(reply.message.body);
  });

  it('gives every simulated answer its own SID, even with a constant random', async () => {
    const { provider, time, inbound } = sandbox({ failureRate: 0, replyRate: 1, random: () => 0 });
    for (let i = 0; i < 50; i++) await provider.send(text(i));
    time.run();
    expect(new Set(inbound().map((m) => m.providerMessageId)).size).toBe(50);
  });

  it.each<[ReplyCategory, readonly string[]]>(Object.entries(SIMULATED_REPLIES) as [ReplyCategory, string[]][])(
    'answers only %s when that is the only weight',
    async (category, bodies) => {
      const weights = { yes: 0, no: 0, question: 0, stop: 0, wrongNumber: 0, [category]: 1 };
      const { provider, time, inbound } = sandbox({ failureRate: 0, replyRate: 1, replyWeights: weights });
      for (let i = 0; i < 100; i++) await provider.send(text(i));
      time.run();
      expect(inbound()).toHaveLength(100);
      expect(new Set(inbound().map((m) => m.body))).toEqual(new Set(bodies));
    },
  );

  it('produces only sent and delivered, and no answer, when both rates are zero', async () => {
    const { provider, time, deliveries, inbound } = sandbox({ failureRate: 0, replyRate: 0 });
    const results = await Promise.all(Array.from({ length: 1_000 }, (_, i) => provider.send(text(i))));
    time.run();
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(new Set(deliveries().map((u) => u.status))).toEqual(new Set(['sent', 'delivered']));
    expect(deliveries()).toHaveLength(2_000);
    expect(inbound()).toEqual([]);
  });

  it('lets the phone page play a contact through the sink', async () => {
    const { provider, inbound } = sandbox();
    const message = await provider.reply('+12025550123', '+15005550006', 'Who is this?');
    expect(message).toMatchObject({ from: '+12025550123', to: '+15005550006', body: 'Who is this?' });
    expect(message.providerMessageId).toMatch(SID);
    expect(message.receivedAt).toMatch(ISO);
    expect(inbound()).toEqual([message]);
  });

  it("hands the phone page the sink's error, so it can say the app did not take the text", async () => {
    const provider = new SandboxProvider();
    provider.connect({ delivery: () => {}, inbound: async () => Promise.reject(new Error('store down')) });
    await expect(provider.reply('+12025550123', '+15005550006', 'hi')).rejects.toThrow('store down');
  });

  it('stops everything on close: no update or answer reaches the sink afterwards', async () => {
    const { provider, time, events } = sandbox({ failureRate: 0.5, refusedAtSendShare: 0, replyRate: 1 });
    for (let i = 0; i < 100; i++) await provider.send(text(i));
    time.advance(1000); // mid-flight: some sent, some delivered
    const before = events.length;
    expect(before).toBeGreaterThan(0);

    await provider.close();
    expect(time.pendingCount()).toBe(0);
    time.run();
    expect(events).toHaveLength(before);
    await expect(provider.send(text(1))).rejects.toThrow('closed');
    await expect(provider.reply('+12025550123', '+15005550006', 'STOP')).rejects.toThrow('closed');
    expect(events).toHaveLength(before);
  });

  it('keeps quiet after close even when a timer could not be cancelled', async () => {
    const time = manualClock();
    const recorded = recordingSink();
    const clock = { ...time.clock, clearTimeout: () => {} }; // e.g. a callback already queued when close() ran
    const provider = new SandboxProvider({ failureRate: 0, replyRate: 1, random: seededRandom(5), clock });
    provider.connect(recorded.sink);
    await provider.send(text(1));
    await provider.close();
    time.run();
    expect(recorded.events).toEqual([]);
  });

  it('runs on the real timer functions by default, so fake timers drive it and close() clears them', async () => {
    vi.useFakeTimers();
    const recorded = recordingSink();
    const provider = new SandboxProvider({ failureRate: 0, replyRate: 1, random: seededRandom(1) });
    provider.connect(recorded.sink);
    await provider.send(text(1));
    vi.advanceTimersByTime(2_250); // 1.5 × the default delivery delay
    expect(recorded.deliveries().map((u) => u.status)).toEqual(['sent', 'delivered']);
    expect(vi.getTimerCount()).toBe(1); // the answer is on its way
    await provider.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(recorded.inbound()).toEqual([]);
  });

  it('reports a failing sink and keeps the next updates flowing', async () => {
    const time = manualClock();
    const errors: unknown[] = [];
    const seen: string[] = [];
    const provider = new SandboxProvider({ failureRate: 0, replyRate: 0, random: seededRandom(3), clock: time.clock, onSinkError: (e) => errors.push(e) });
    provider.connect({
      delivery: (u) => {
        seen.push(u.status);
        if (u.status === 'sent') throw new Error('projection busy');
      },
      inbound: () => {},
    });
    await provider.send(text(1));
    time.run();
    expect(seen).toEqual(['sent', 'delivered']);
    expect(errors).toEqual([new Error('projection busy')]);
  });

  it('reports a sink that rejects asynchronously', async () => {
    const time = manualClock();
    const errors: unknown[] = [];
    const provider = new SandboxProvider({ failureRate: 0, replyRate: 0, clock: time.clock, onSinkError: (e) => errors.push(e) });
    provider.connect({ delivery: async () => Promise.reject(new Error('later')), inbound: () => {} });
    await provider.send(text(1));
    time.run();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual([new Error('later'), new Error('later')]);
  });

  it('refuses to send before connect: updates would have nowhere to go', async () => {
    await expect(new SandboxProvider().send(text(1))).rejects.toThrow('connect()');
  });

  it.each<[SandboxOptions, string]>([
    [{ failureRate: 1.5 }, 'failureRate must be from 0 to 1, got 1.5'],
    [{ replyRate: -0.1 }, 'replyRate must be from 0 to 1, got -0.1'],
    [{ replyRate: NaN }, 'replyRate must be from 0 to 1, got NaN'],
    [{ refusedAtSendShare: 2 }, 'refusedAtSendShare must be from 0 to 1, got 2'],
    [{ deliveryDelayMs: -1 }, 'deliveryDelayMs must be 0 or more, got -1'],
    [{ replyWeights: { yes: 0, no: 0, question: 0, stop: 0, wrongNumber: 0 } }, 'replyWeights needs a positive weight'],
  ])('rejects the options %j', (options, message) => {
    expect(() => new SandboxProvider(options)).toThrow(message);
  });
});
