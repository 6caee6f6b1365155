import twilio from 'twilio';
import type { DeliveryUpdate, InboundMessage, LookupResult, OutboundMessage, ProviderSink, SendResult, SmsProvider } from '../sms-provider.js';
import { RedirectingRequestClient } from './redirecting-request-client.js';
import { stickySender } from './sticky-sender.js';
import type { TwilioConfig } from './twilio-config.js';
import { neverReachedTwilio, sendResultOfError } from './twilio-send-errors.js';
import { deliveryUpdateOf, inboundMessageOf, type WebhookParams } from './twilio-webhook-params.js';

/** A webhook as it arrived: the path and query Twilio called, its signature headers and form fields. */
export interface TwilioWebhook {
  readonly pathAndQuery: string;
  readonly signature: string | undefined;
  readonly signatureSettings: string | undefined;
  readonly params: WebhookParams;
}

/** `forbidden`: not signed by Twilio for this URL (nothing was recorded); `invalid`: signed, but a field is missing. */
export type WebhookVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: 'forbidden' } | { readonly ok: false; readonly reason: 'invalid'; readonly field: string };

/** Connection refused is retried in place this many times (the request never left), then deferred to the dispatcher. */
const CONNECT_RETRY_DELAYS_MS = [100, 300, 900];
/** Twilio keeps a message queued at most 10 hours (its ValidityPeriod range is 1 to 36,000 s). */
const MAX_VALIDITY_S = 36_000;
/** Messages created a little before the recorded attempt still match: clocks differ. */
const LOOKUP_SKEW_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Twilio through the official `twilio` package. Sends go to the messaging
 * service (the campaign's own, if configured) or from the contact's sticky
 * number; each asks for status callbacks at PUBLIC_BASE_URL. Webhooks are
 * checked with the package's signature validation before anything is read.
 */
export class TwilioProvider implements SmsProvider {
  readonly name = 'twilio';
  private readonly client: twilio.Twilio;
  private sink: ProviderSink | undefined;

  constructor(
    private readonly config: TwilioConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const { apiBaseUrl, requestTimeoutMs: timeout, maxSockets } = config;
    // As many connections open and kept as sends at once: the package's own 20 (and 5 kept idle) would cap and chill a fast pace.
    const sockets = maxSockets === undefined ? {} : { maxSockets, maxTotalSockets: maxSockets, maxFreeSockets: maxSockets };
    const httpClient = apiBaseUrl ? new RedirectingRequestClient(apiBaseUrl, { timeout, ...sockets }) : new twilio.RequestClient({ timeout, keepAlive: true, ...sockets });
    this.client = config.apiKey
      ? twilio(config.apiKey.sid, config.apiKey.secret, { accountSid: config.accountSid, httpClient })
      : twilio(config.accountSid, config.authToken, { httpClient });
  }

  connect(sink: ProviderSink): void {
    this.sink = sink;
  }

  /** The URL Twilio is told to call for this webhook (and signs). */
  webhookUrl(kind: 'inbound' | 'status'): string {
    return `${this.config.publicBaseUrl}/webhooks/twilio/${kind}`;
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const params = {
      to: message.to,
      body: message.body,
      statusCallback: this.webhookUrl('status'),
      ...this.senderFor(message),
      ...this.validityOf(message),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const created = await this.client.messages.create(params);
        return { status: 'accepted', providerMessageId: created.sid, from: created.from ?? ('from' in params ? params.from : created.messagingServiceSid) };
      } catch (error) {
        const delay = CONNECT_RETRY_DELAYS_MS[attempt];
        if (neverReachedTwilio(error) && delay !== undefined) {
          await sleep(delay);
          continue;
        }
        return sendResultOfError(error);
      }
    }
  }

  senderOf(message: OutboundMessage): string {
    const sender = this.senderFor(message);
    return 'from' in sender ? sender.from : sender.messagingServiceSid;
  }

  async lookup(message: OutboundMessage, attemptedAt: string): Promise<LookupResult> {
    const since = new Date(Date.parse(attemptedAt) - LOOKUP_SKEW_MS);
    try {
      const listed = await this.client.messages.list({ to: message.to, dateSentAfter: since, pageSize: 100, limit: 1_000 });
      const matches = listed.filter((m) => m.body === message.body && m.direction !== 'inbound' && (m.dateCreated ?? since) >= since);
      if (matches.length === 0) return { found: 'none' };
      if (matches.length > 1) return { found: 'undecidable', detail: `${matches.length} messages to this number with this text since the attempt` };
      return { found: 'one', providerMessageId: matches[0]!.sid, from: matches[0]!.from ?? matches[0]!.messagingServiceSid };
    } catch (error) {
      return { found: 'undecidable', detail: `Twilio could not be asked: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** A status callback: verified, then handed to the sink (which records it idempotently). */
  async receiveStatus(webhook: TwilioWebhook): Promise<WebhookVerdict> {
    return this.receive(webhook, deliveryUpdateOf(webhook.params, this.clock().toISOString()), (update) => this.sink?.delivery(update));
  }

  /** An incoming text: verified, then handed to the sink. */
  async receiveInbound(webhook: TwilioWebhook): Promise<WebhookVerdict> {
    return this.receive(webhook, inboundMessageOf(webhook.params, this.clock().toISOString()), (message) => this.sink?.inbound(message));
  }

  async close(): Promise<void> {
    this.sink = undefined;
  }

  private async receive<T extends DeliveryUpdate | InboundMessage>(webhook: TwilioWebhook, parsed: T | { readonly invalid: string }, deliver: (value: T) => unknown): Promise<WebhookVerdict> {
    if (!this.signedByTwilio(webhook)) return { ok: false, reason: 'forbidden' };
    // Signed with our token, but another account's callback would be a misconfiguration: refuse it too.
    if (webhook.params['AccountSid'] !== undefined && webhook.params['AccountSid'] !== this.config.accountSid) return { ok: false, reason: 'forbidden' };
    if ('invalid' in parsed) return { ok: false, reason: 'invalid', field: parsed.invalid };
    await deliver(parsed);
    return { ok: true };
  }

  /**
   * The package's own check over the URL Twilio called (our public base URL,
   * not the Host a proxy passed on) and the form fields. A SharedKey webhook
   * names its algorithm (HMAC-SHA256) in the settings header and is checked
   * with the SharedKey secret; without one configured it is refused.
   */
  private signedByTwilio(webhook: TwilioWebhook): boolean {
    if (!webhook.signature) return false;
    const url = `${this.config.publicBaseUrl}${webhook.pathAndQuery}`;
    const algorithm = twilio.getSignatureAlgorithm(webhook.signatureSettings);
    const secret = webhook.signatureSettings ? this.config.webhookSharedKeySecret : this.config.authToken;
    if (!secret) return false;
    return twilio.validateRequest(secret, webhook.signature, url, webhook.params as Record<string, unknown>, algorithm);
  }

  private senderFor(message: OutboundMessage): { messagingServiceSid: string } | { from: string } {
    const campaignService = this.config.campaignMessagingServices.get(message.campaignId);
    if (campaignService) return { messagingServiceSid: campaignService };
    const sender = this.config.sender;
    return 'messagingServiceSid' in sender ? { messagingServiceSid: sender.messagingServiceSid } : { from: stickySender(sender.fromNumbers, message.to) };
  }

  /** Twilio drops a message still queued when the contact's texting window closes. */
  private validityOf(message: OutboundMessage): { validityPeriod?: number } {
    if (!message.validUntil) return {};
    const seconds = Math.floor((Date.parse(message.validUntil) - this.clock().getTime()) / 1000);
    return { validityPeriod: Math.max(1, Math.min(MAX_VALIDITY_S, seconds)) };
  }
}
