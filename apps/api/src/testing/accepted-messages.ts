import { campaignStream, schemaVersionOf, textingStream } from '@textbank/domain';
import { SqliteEventStore } from '@textbank/event-store';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** One text accepted for sending, as the dispatcher will read it from the log. */
export interface AcceptedText {
  readonly messageId: string;
  readonly contactId: string;
  readonly to: string;
  readonly body: string;
}

/** Texting hours open all day, so a run at any hour sends (the window still closes at 23:59 local). */
const ALL_DAY = { start: '00:00', end: '23:59' };
const APPEND = 500;

const metadata = (type: string, now: Date) => {
  const commandId = randomUUID();
  return { actor: { id: 'seed', kind: 'system', name: 'Seed' }, causationId: commandId, correlationId: commandId, timestamp: now.toISOString(), schemaVersion: schemaVersionOf(type) };
};

/**
 * Writes an active campaign and `count` accepted first texts straight into
 * `DATA_DIR/events.db` (no texters, no HTTP): the dispatcher's whole input,
 * for the crash test and the dispatch benchmark. Every body is distinct, so
 * counting bodies at the fake Twilio finds a text sent twice.
 */
export async function writeAcceptedTexts(dataDir: string, count: number): Promise<{ campaignId: string; texts: AcceptedText[] }> {
  const store = new SqliteEventStore({ path: join(dataDir, 'events.db'), synchronous: 'NORMAL' });
  const campaignId = randomUUID();
  const now = new Date();
  try {
    await store.appendToStream(campaignStream(campaignId), [
      { type: 'CampaignCreated', data: { campaignId, organizationId: randomUUID(), name: 'Dispatch run', description: '', textingHours: ALL_DAY, createdAt: now.toISOString() }, metadata: metadata('CampaignCreated', now) },
      { type: 'CampaignLaunched', data: { campaignId, launchedAt: now.toISOString() }, metadata: metadata('CampaignLaunched', now) },
    ]);
    const texterId = randomUUID();
    const texts: AcceptedText[] = Array.from({ length: count }, (_, n) => ({
      messageId: randomUUID(),
      contactId: randomUUID(),
      // Distinct for n below 70,000 (700 area codes × 10,000 lines).
      to: `+1${212 + (n % 700)}555${String(n % 10_000).padStart(4, '0')}`,
      body: `Hi neighbour ${n}, the rent board meets Tuesday at 6. Can we count on you?`,
    }));
    for (let i = 0; i < texts.length; i += APPEND) {
      await store.appendToStream(
        textingStream(campaignId),
        texts.slice(i, i + APPEND).map((t) => ({
          type: 'InitialMessageSent',
          data: {
            campaignId, contactId: t.contactId, texterId, messageId: t.messageId, gestureId: randomUUID(), gestureAt: now.toISOString(), to: t.to, body: t.body,
            scriptVersion: 1, variantId: 'v1', segments: 1, encoding: 'GSM-7', hoursDecision: { timeZone: null, localTime: '12:00', hours: ALL_DAY },
          },
          metadata: metadata('InitialMessageSent', now),
        })),
      );
    }
    return { campaignId, texts };
  } finally {
    await store.close();
  }
}
