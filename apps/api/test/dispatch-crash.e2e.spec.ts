import type { MessageDispatched, MessageNotSent } from '@textbank/domain';
import { SqliteEventStore } from '@textbank/event-store';
import { FakeTwilioServer } from '@textbank/sms/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAcceptedTexts } from '../src/testing/accepted-messages.js';
import { startApi, type ApiProcess } from './api-process.js';

const TEXTS = 5_000;
const ACCOUNT = `AC${'1'.repeat(32)}`;
const TOKEN = 'a'.repeat(32);
const OUTCOMES = ['MessageDispatched', 'MessageNotSent', 'MessageOutcomeUndecided', 'MessageOutcomeUnknown'];

const dataDir = mkdtempSync(join(tmpdir(), 'textbank-dispatch-crash-'));
// Twilio answers after 20 ms: with 32 sends in flight, a kill lands between asking and hearing back.
const fake = new FakeTwilioServer({ credentials: [[ACCOUNT, TOKEN]], latencyMs: 20 });
let api: ApiProcess | undefined;
afterAll(async () => {
  await api?.stop();
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every dispatch outcome in the log so far, read beside the running API (WAL lets a reader in). */
async function outcomesInLog() {
  const store = new SqliteEventStore({ path: join(dataDir, 'events.db'), checkpointInWorker: false });
  try {
    return await store.readAll({ filter: { eventTypes: OUTCOMES } });
  } finally {
    await store.close();
  }
}

describe('kill -9 while dispatching 5,000 texts to Twilio', () => {
  it('after the restart every text was sent exactly once, or its unknown outcome was reconciled; none twice at Twilio', async () => {
    await fake.start();
    const { texts } = await writeAcceptedTexts(dataDir, TEXTS);
    const env = {
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_MESSAGING_SERVICE_SID: `MG${'2'.repeat(32)}`,
      PUBLIC_BASE_URL: 'https://texting.example.org',
      TWILIO_API_BASE_URL: fake.baseUrl,
      DISPATCH_RECONCILE_AFTER_MS: '500',
    };
    api = await startApi(dataDir, env);
    await expect.poll(() => fake.messages.length, { timeout: 120_000, interval: 20 }).toBeGreaterThanOrEqual(1_500);
    await api.kill();
    const atKill = fake.messages.length;
    expect(atKill).toBeLessThan(TEXTS);

    api = await startApi(dataDir, env);
    const settled = async () => {
      const events = await outcomesInLog();
      return new Set(events.filter((e) => e.type !== 'MessageOutcomeUnknown').map((e) => (e.data as { messageId: string }).messageId)).size;
    };
    await expect.poll(settled, { timeout: 180_000, interval: 500 }).toBe(TEXTS);
    await api.stop();
    api = undefined;

    const events = await outcomesInLog();
    const unknown = events.filter((e) => e.type === 'MessageOutcomeUnknown').map((e) => (e.data as { messageId: string }).messageId);
    const dispatched = new Map(events.filter((e): e is typeof e & MessageDispatched => e.type === 'MessageDispatched').map((e) => [e.data.messageId, e.data]));
    const notSent = new Map(events.filter((e): e is typeof e & MessageNotSent => e.type === 'MessageNotSent').map((e) => [e.data.messageId, e.data]));
    expect(events.filter((e) => e.type === 'MessageOutcomeUndecided')).toEqual([]);
    // The kill caught sends in flight, and each was settled by asking Twilio, never by sending again.
    expect(unknown.length).toBeGreaterThan(0);
    for (const id of unknown) expect(String(dispatched.get(id)?.reconciled ?? notSent.get(id)?.reason)).toMatch(/^(true|not_at_provider)$/);

    const atTwilio = new Map(fake.messages.map((m) => [m.body, m]));
    expect(fake.messages).toHaveLength(atTwilio.size); // no body twice: nothing sent twice
    for (const text of texts) {
      const sent = dispatched.get(text.messageId);
      const twilio = atTwilio.get(text.body);
      if (sent) expect(sent.providerMessageId).toBe(twilio?.sid);
      else expect({ reason: notSent.get(text.messageId)?.reason, atTwilio: twilio }).toEqual({ reason: 'not_at_provider', atTwilio: undefined });
    }
    expect(dispatched.size + notSent.size).toBe(TEXTS);
  }, 400_000);
});
