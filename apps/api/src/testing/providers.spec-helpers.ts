import type { OutboundMessage, ProviderSink, SendResult, SmsProvider } from '@textbank/sms';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { expect } from 'vitest';
import { memberWith, ownerOf } from './people.spec-helpers.js';
import type { TestApp } from './test-app.spec-helpers.js';
import { launchedCampaign } from './texting.spec-helpers.js';

/** A provider that takes the message and never answers: the process "dies" while it is being asked. */
export class StuckProvider implements SmsProvider {
  readonly name = 'stuck';
  readonly asked: OutboundMessage[] = [];
  senderOf = () => '+15005550006';
  connect(_sink: ProviderSink): void {}
  send(message: OutboundMessage): Promise<SendResult> {
    this.asked.push(message);
    return new Promise(() => {});
  }
  async close(): Promise<void> {}
}

/** Counts what it is asked and accepts it; cannot be asked about past sends. */
export class CountingProvider implements SmsProvider {
  readonly name = 'counting';
  readonly asked: OutboundMessage[] = [];
  senderOf = () => '+15005550006';
  connect(_sink: ProviderSink): void {}
  async send(message: OutboundMessage): Promise<SendResult> {
    this.asked.push(message);
    return { status: 'accepted', providerMessageId: `SM${randomUUID().replace(/-/g, '')}`, from: '+15005550006' };
  }
  async close(): Promise<void> {}
}

/** A launched campaign whose first text (to contact `a`) the stuck provider is being asked about right now. */
export async function oneTextInFlight(app: TestApp, stuck: StuckProvider) {
  const owner = await ownerOf(app);
  const campaignId = await launchedCampaign(app, owner, 5);
  const volunteer = await memberWith(app, owner, 'volunteer');
  const http = request(app.app.getHttpServer());
  await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 2 }).expect(200);
  const a = (await http.get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', volunteer.cookie).expect(200)).body.next;
  await http.post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ contactId: a.contactId }).expect(201);
  await expect.poll(() => stuck.asked.length, { timeout: 10_000 }).toBe(1);
  return { owner, campaignId, volunteer, a };
}
