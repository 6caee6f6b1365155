import type { EventData, EventStore } from '@textbank/event-store';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventMetadata } from '../shared/event-metadata.js';

/** One appended event: where it landed, when its append returned, and whose dashboards it moves. */
export interface Appended {
  readonly position: number;
  readonly at: number;
  readonly campaignId: string;
  readonly texterId: string;
}

interface Sent {
  contactId: string;
  messageId: string;
  campaignId: string;
  texterId: string;
  phone: string;
}

const TICK_MS = 10;
const actor = { id: 'dashboard-bench', kind: 'system' as const, name: 'dashboard benchmark' };

/**
 * A texting night's mix as it reaches the log, ten events at a time: four
 * first texts, three deliveries, two replies and one opt-out (STOP), spread
 * over the campaigns and texters given. Appended straight to the store: the
 * bench measures log to screen, not the send path (the send bench does).
 */
export class TextingTraffic {
  private readonly sent: Sent[] = [];
  private delivered = 0;
  private replied = 0;
  private n = 0;

  constructor(
    private readonly store: EventStore,
    private readonly campaignIds: readonly string[],
    private readonly texterIds: readonly string[],
  ) {}

  /** Appends `eventsPerSecond` for `seconds`, a tick's worth at a time in parallel; every append, in order. */
  async drive(eventsPerSecond: number, seconds: number): Promise<{ appended: Appended[]; seconds: number }> {
    const appended: Appended[] = [];
    const startedAt = performance.now();
    const total = Math.round(eventsPerSecond * seconds);
    while (appended.length < total) {
      const due = Math.min(total, Math.ceil(((performance.now() - startedAt) / 1000) * eventsPerSecond));
      const batch = Array.from({ length: due - appended.length }, () => this.nextEvent());
      appended.push(...(await Promise.all(batch.map((e) => this.append(e)))));
      await sleep(TICK_MS);
    }
    return { appended, seconds: (performance.now() - startedAt) / 1000 };
  }

  private async append(next: { stream: string; type: string; data: unknown; campaignId: string; texterId: string }): Promise<Appended> {
    const event: EventData = { type: next.type, data: next.data, metadata: eventMetadata(next.type, actor, new Date()) };
    const result = await this.store.appendToStream(next.stream, [event]);
    return { position: Number(result.position!.commit), at: Date.now(), campaignId: next.campaignId, texterId: next.texterId };
  }

  private nextEvent() {
    const slot = this.n++ % 10;
    const now = new Date().toISOString();
    if (slot < 4 || this.delivered >= this.sent.length) return this.send(now);
    if (slot < 7 || this.replied >= this.delivered) {
      const m = this.sent[this.delivered++]!;
      return { stream: `conversation-${m.contactId}`, type: 'MessageDeliveryUpdated', data: { contactId: m.contactId, campaignId: m.campaignId, messageId: m.messageId, status: 'delivered', at: now }, ...m };
    }
    const m = this.sent[this.replied++]!;
    if (slot < 9) {
      const data = { contactId: m.contactId, campaignId: m.campaignId, providerMessageId: randomUUID(), from: m.phone, to: '+15550000000', body: 'Yes, count me in', kind: 'message', receivedAt: now };
      return { stream: `conversation-${m.contactId}`, type: 'ReplyReceived', data, ...m };
    }
    return { stream: 'opt-outs-bench', type: 'PhonesOptedOut', data: { organizationId: 'bench', phones: [m.phone], source: 'reply', optedOutAt: now }, ...m };
  }

  private send(now: string) {
    const i = this.sent.length;
    const m: Sent = {
      contactId: randomUUID(),
      messageId: randomUUID(),
      campaignId: this.campaignIds[i % this.campaignIds.length]!,
      texterId: this.texterIds[i % this.texterIds.length]!,
      phone: `+1212${String(2_000_000 + i).padStart(7, '0')}`,
    };
    this.sent.push(m);
    const data = {
      campaignId: m.campaignId, contactId: m.contactId, texterId: m.texterId, messageId: m.messageId, gestureId: m.messageId, gestureAt: now, to: m.phone,
      body: 'Hi, can we count on you Tuesday?', scriptVersion: 1, variantId: 'v1', segments: 1, encoding: 'GSM-7',
      hoursDecision: { timeZone: 'America/New_York', localTime: '14:00', hours: { start: '09:00', end: '21:00' } },
    };
    return { stream: `texting-${m.campaignId}`, type: 'InitialMessageSent', data, ...m };
  }
}
