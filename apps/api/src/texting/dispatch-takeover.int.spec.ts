import { SqliteEventStore } from '@textbank/event-store';
import { EsdbTestServer } from '@textbank/event-store/esdb-test-server';
import type { OutboundMessage, ProviderSink, SendResult, SmsProvider } from '@textbank/sms';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf } from '../testing/people.spec-helpers.js';
import { startTestApp, testClock, type TestApp } from '../testing/test-app.spec-helpers.js';
import { CountingProvider, oneTextInFlight, StuckProvider } from '../testing/providers.spec-helpers.js';
import { launchedCampaign, OPEN_HOURS, QUIET_SANDBOX, dispatchWith } from '../testing/texting.spec-helpers.js';
import { ATTEMPTS_STREAM, SharedAttempts } from './dispatch-attempts.js';
import { DispatchJournal, type Attempt } from './dispatch-journal.js';

const dirs: string[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'textbank-takeover-'));
  dirs.push(dir);
  return dir;
};

const attempt = (n: number): Attempt => ({
  messageId: `m${n}`,
  contactId: `k${n}`,
  campaignId: 'c1',
  to: `+1212555000${n}`,
  body: `Hello ${n}`,
  startedAt: new Date(Date.UTC(2026, 6, 15, 18, 0, n)).toISOString(),
});

describe('SharedAttempts: the attempts several instances see', () => {
  it('a new holder finds what the one before left open, and fences it: its next attempt is refused, so it does not send', async () => {
    const dir = tempDir();
    const open = () => new SqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
    const [storeA, storeB] = [open(), open()];
    const [journalA, journalB] = [new DispatchJournal(join(dir, 'a.db')), new DispatchJournal(join(dir, 'b.db'))];
    cleanups.push(() => Promise.all([storeA.close(), storeB.close()]), async () => [journalA, journalB].forEach((j) => j.close()));
    const a = new SharedAttempts(storeA, journalA, 'a');
    const b = new SharedAttempts(storeB, journalB, 'b');

    expect(await a.takeOver()).toEqual([]);
    // Three attempts in one turn share one append; the first is settled, two stay in flight.
    expect(await Promise.all([a.begin(attempt(1)), a.begin(attempt(2)), a.begin(attempt(3))])).toEqual([true, true, true]);
    journalA.finish('m1');
    expect(await a.begin(attempt(4))).toBe(true);
    journalA.finish('m4');
    const written = await storeA.readStream(ATTEMPTS_STREAM);
    expect(written.map((e) => e.type)).toEqual(['$DispatchTakenOver', '$DispatchAttempts', '$DispatchAttempts']);

    const left = await b.takeOver();
    // m1 and m4 were settled, but m1 shares its append with the open ones: the new holder checks it against the log.
    expect(left.map((l) => l.messageId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(left[1]).toMatchObject({ ...attempt(2), revision: 1n });

    // The holder before, still believing it holds the dispatch, may not attempt anything more.
    expect(await a.begin(attempt(5))).toBe(false);
    expect(await b.begin(attempt(6))).toBe(true);
    expect((await storeB.readStream(ATTEMPTS_STREAM)).flatMap((e) => ((e.data as { attempts?: Attempt[] }).attempts ?? []).map((x) => x.messageId))).not.toContain('m5');
  });

  it('reads back only from the oldest attempt still open (in flight, or unknown until reconciled), so a takeover stays short', async () => {
    const dir = tempDir();
    const store = new SqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
    const journals = ['a', 'b', 'c'].map((name) => new DispatchJournal(join(dir, `${name}.db`)));
    cleanups.push(() => store.close(), async () => journals.forEach((j) => j.close()));
    const [a, b, c] = journals.map((journal, i) => new SharedAttempts(store, journal, `instance-${i}`));
    const [journalA, journalB] = journals;
    await a!.takeOver();
    for (let n = 1; n <= 5; n++) {
      expect(await a!.begin(attempt(n))).toBe(true);
      if (n === 3) journalA!.markUnknown('m3'); // no answer: unknown, open until reconciled
      else journalA!.finish(`m${n}`);
    }
    const left = await b!.takeOver();
    expect(left.map((l) => l.messageId)).toEqual(['m3', 'm4', 'm5']);
    journalB!.adoptUnknown(left[0]!);
    // The adopted unknown keeps the stream open from its revision…
    expect(await b!.begin(attempt(6))).toBe(true);
    journalB!.finish('m6');
    journalB!.reconciled('m3');
    // …until it is reconciled: then the next holder reads only the newest attempt.
    expect(await b!.begin(attempt(7))).toBe(true);
    expect((await c!.takeOver()).map((l) => l.messageId)).toEqual(['m7']);
  });
});

describe('the dispatch moving between instances on one EventStoreDB', () => {
  it('a text in flight when its instance stopped is recorded outcome-unknown by the next holder and reconciled, never sent again; later texts go once', async () => {
    const dir = tempDir();
    const server = await EsdbTestServer.start({ path: join(dir, 'events.db') });
    cleanups.push(() => server.close());
    const clock = testClock();
    clock.advance(OPEN_HOURS - Date.now());
    const shared = { eventStoreConnectionString: server.connectionString, authPath: join(dir, 'auth.db'), sandbox: QUIET_SANDBOX };
    const stuck = new StuckProvider();
    const first: TestApp = await startTestApp({ ...shared, instanceName: 'first', smsProvider: stuck }, tempDir(), clock);
    cleanups.push(() => first.close());
    const { campaignId, volunteer, a } = await oneTextInFlight(first, stuck);

    // A second instance waits for the lease; the first stops with the provider still being asked.
    const counting = new CountingProvider();
    const second = await startTestApp(
      { ...shared, instanceName: 'second', smsProvider: counting, dispatch: dispatchWith({ reconcileAfterMs: 0, reconcileEveryMs: 100 }) },
      tempDir(),
      clock,
    );
    cleanups.push(() => second.close());
    await first.app.close();

    const again = request(second.app.getHttpServer());
    const thread = async (contactId: string) => (await again.get(`/api/conversations/${contactId}`).set('cookie', volunteer.cookie).expect(200)).body;
    // Taken over: unknown, then asked about; this provider cannot say, so an admin decides.
    await expect.poll(async () => (await thread(a.contactId)).messages[0]?.status, { timeout: 15_000 }).toBe('undecided');
    const b = (await again.get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', volunteer.cookie).expect(200)).body.next;
    await again.post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ contactId: b.contactId }).expect(201);
    await expect.poll(async () => (await thread(b.contactId)).messages[0]?.status, { timeout: 10_000 }).toBe('dispatched');
    expect(counting.asked.map((m) => m.to)).toEqual([b.phone]);
  }, 60_000);
});
