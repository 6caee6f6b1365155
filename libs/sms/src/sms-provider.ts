/**
 * The SMS provider port. The app sends through `send` (called once per
 * accepted message by the checkpointed dispatcher) and learns what happened
 * through the sink it hands the provider at start: delivery updates and
 * inbound texts. A webhook provider (Twilio) feeds the sink from its HTTP
 * callbacks (`parseInbound` / `parseStatus`, signature checked first); the
 * sandbox feeds it from its own simulated carrier and contacts.
 */

/** One outbound text, exactly as recorded when the texter pressed Send. */
export interface OutboundMessage {
  /** Our message id: the idempotency key towards the provider and what delivery updates refer back to. */
  readonly messageId: string;
  readonly campaignId: string;
  /** E.164. */
  readonly to: string;
  readonly body: string;
  /**
   * When the contact's texting window closes: a provider that can expire
   * queued messages (Twilio's `ValidityPeriod`) drops it after that, so a text
   * stuck at the provider never arrives at night.
   */
  readonly validUntil?: string;
}

/**
 * What the provider said to a send. `accepted` means the carrier has it (not
 * that it was delivered); `failed` is a refusal with the provider's error
 * code (e.g. Twilio 21610 "unsubscribed recipient", 21211 invalid number).
 * `ambiguous` means we cannot tell (timeout after the request left, a dropped
 * connection, a 5xx): the dispatcher reconciles those through `lookup`; they
 * are never sent twice blindly. `deferred` means the provider provably did not
 * take it (429 back-pressure, connection refused before anything was sent):
 * ask again after `retryAfterMs`, it is not a failure.
 */
export type SendResult =
  | { readonly status: 'accepted'; readonly providerMessageId: string; readonly from: string }
  | { readonly status: 'failed'; readonly errorCode: string; readonly errorMessage: string }
  | { readonly status: 'ambiguous'; readonly errorMessage: string }
  | { readonly status: 'deferred'; readonly reason: string; readonly retryAfterMs: number };

/**
 * Whether the provider has a message whose send went unanswered: exactly one
 * match (same number, same body, created since the attempt), none, or it
 * cannot be told (the provider could not be asked, several matched).
 */
export type LookupResult =
  | { readonly found: 'one'; readonly providerMessageId: string; readonly from: string }
  | { readonly found: 'none' }
  | { readonly found: 'undecidable'; readonly detail: string };

/** Twilio's message statuses after acceptance; updates may repeat and arrive out of order. */
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface DeliveryUpdate {
  readonly providerMessageId: string;
  readonly status: DeliveryStatus;
  /** Carrier error code for undelivered / failed (e.g. 30003 unreachable, 30006 landline, 30007 filtered). */
  readonly errorCode?: string;
  readonly at: string;
}

export interface InboundMessage {
  /** Unique per inbound text: handling is idempotent by it (providers retry). */
  readonly providerMessageId: string;
  /** E.164 of the contact. */
  readonly from: string;
  /** The number the contact wrote to (our sending number). */
  readonly to: string;
  readonly body: string;
  readonly receivedAt: string;
}

export interface ProviderSink {
  delivery(update: DeliveryUpdate): void | Promise<void>;
  inbound(message: InboundMessage): void | Promise<void>;
}

export interface SmsProvider {
  /** 'sandbox' | 'twilio' */
  readonly name: string;
  /** Called once at start, before any send: where delivery updates and inbound texts go. */
  connect(sink: ProviderSink): void;
  send(message: OutboundMessage): Promise<SendResult>;
  /** Who the carrier sees sending this message (a number, a messaging service): pacing limits apply per sender. */
  senderOf(message: OutboundMessage): string;
  /** Reconciliation of an unanswered send (`attemptedAt`: when it was asked); a provider without it leaves such sends undecided. */
  lookup?(message: OutboundMessage, attemptedAt: string): Promise<LookupResult>;
  /** Stops timers and connections; nothing reaches the sink afterwards. */
  close(): Promise<void>;
}
