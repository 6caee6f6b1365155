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
}

/**
 * What the provider said to a send. `accepted` means the carrier has it (not
 * that it was delivered); `failed` is a refusal with the provider's error
 * code (e.g. Twilio 21610 "unsubscribed recipient", 21211 invalid number).
 * `ambiguous` means we cannot tell (timeout after the request left): the
 * provider issue reconciles those; they are never sent twice blindly.
 */
export type SendResult =
  | { readonly status: 'accepted'; readonly providerMessageId: string; readonly from: string }
  | { readonly status: 'failed'; readonly errorCode: string; readonly errorMessage: string }
  | { readonly status: 'ambiguous'; readonly errorMessage: string };

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
  /** Stops timers and connections; nothing reaches the sink afterwards. */
  close(): Promise<void>;
}

/** Error codes a carrier or provider gives that mean "this person unsubscribed": they count as an opt-out. */
export const UNSUBSCRIBED_ERROR_CODES: ReadonlySet<string> = new Set(['21610']);
