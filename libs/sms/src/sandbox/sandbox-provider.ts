import { randomBytes } from 'node:crypto';
import type { DeliveryStatus, InboundMessage, OutboundMessage, ProviderSink, SendResult, SmsProvider } from '../sms-provider.js';
import { SANDBOX_DEFAULTS, type SandboxConfig } from './sandbox-config.js';
import { CARRIER_FAILURES, SEND_REFUSALS, type CarrierFailure } from './simulated-failures.js';
import { DEFAULT_REPLY_WEIGHTS, REPLY_CATEGORIES, SIMULATED_REPLIES, type ReplyWeights } from './simulated-replies.js';
import { pickWeighted } from './weighted-choice.js';

/** The timers the sandbox runs on; specs inject a manual one (or use fake timers) to run a day in a millisecond. */
export interface SandboxClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface SandboxOptions extends Partial<SandboxConfig> {
  /** Of the failing sends, the share refused at once; the rest are accepted and fail later, as carriers do most often. */
  readonly refusedAtSendShare?: number;
  readonly replyWeights?: ReplyWeights;
  /** In [0, 1), like Math.random (the default); seeded in specs. */
  readonly random?: () => number;
  readonly clock?: SandboxClock;
  /** Where a sink's error goes when a timer, not a caller, pushed the update. Default: console.error. */
  readonly onSinkError?: (error: unknown) => void;
}

const systemClock: SandboxClock = {
  // looked up at each call, so fake timers installed after construction still apply;
  // unref'd so a forgotten sandbox never keeps a process alive
  setTimeout: (run, ms) => {
    const handle = globalThis.setTimeout(run, ms);
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
  now: () => Date.now(),
};

/**
 * A pretend carrier and pretend contacts, so a fresh install shows a living
 * campaign without a Twilio account: sends are accepted (or refused with
 * Twilio's codes), delivery updates follow, and some contacts answer.
 */
export class SandboxProvider implements SmsProvider {
  readonly name = 'sandbox';
  readonly config: SandboxConfig;
  private readonly refusedAtSendShare: number;
  private readonly replyWeights: ReplyWeights;
  private readonly random: () => number;
  private readonly clock: SandboxClock;
  private readonly onSinkError: (error: unknown) => void;
  private readonly pending = new Set<unknown>();
  private sink: ProviderSink | undefined;
  private closed = false;

  constructor(options: SandboxOptions = {}) {
    const { refusedAtSendShare = 0.25, replyWeights = DEFAULT_REPLY_WEIGHTS, random = Math.random, clock = systemClock, onSinkError, ...config } = options;
    this.config = { ...SANDBOX_DEFAULTS, ...withoutUndefined(config) };
    for (const key of ['failureRate', 'replyRate'] as const) assertShare(key, this.config[key]);
    assertShare('refusedAtSendShare', refusedAtSendShare);
    for (const key of ['deliveryDelayMs', 'replyDelayMs'] as const) {
      if (!(this.config[key] >= 0)) throw new RangeError(`${key} must be 0 or more, got ${this.config[key]}`);
    }
    if (this.config.replyRate > 0 && !REPLY_CATEGORIES.some((category) => replyWeights[category] > 0)) {
      throw new RangeError('replyWeights needs a positive weight when replyRate is above 0');
    }
    this.refusedAtSendShare = refusedAtSendShare;
    this.replyWeights = replyWeights;
    this.random = random;
    this.clock = clock;
    this.onSinkError = onSinkError ?? ((error) => console.error('sandbox provider: the sink failed', error));
  }

  connect(sink: ProviderSink): void {
    this.sink = sink;
  }

  /** One simulated number sends everything. */
  senderOf(): string {
    return this.config.fromNumber;
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    this.openSink();
    if (this.random() < this.config.failureRate) {
      if (this.random() < this.refusedAtSendShare) {
        const refusal = pickWeighted(SEND_REFUSALS, (r) => r.weight, this.random);
        return { status: 'failed', errorCode: refusal.code, errorMessage: refusal.message };
      }
      const providerMessageId = newMessageSid();
      this.failLater(providerMessageId, pickWeighted(CARRIER_FAILURES, (f) => f.weight, this.random));
      return { status: 'accepted', providerMessageId, from: this.config.fromNumber };
    }
    const providerMessageId = newMessageSid();
    this.deliverLater(providerMessageId, message.to);
    return { status: 'accepted', providerMessageId, from: this.config.fromNumber };
  }

  /**
   * The phone page plays a contact: their text goes through the sink like any
   * inbound, and the caller learns whether the app took it.
   */
  async reply(from: string, to: string, body: string): Promise<InboundMessage> {
    const sink = this.openSink();
    const message: InboundMessage = { providerMessageId: newMessageSid(), from, to, body, receivedAt: this.nowIso() };
    await sink.inbound(message);
    return message;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const handle of this.pending) this.clock.clearTimeout(handle);
    this.pending.clear();
  }

  /** sent, then delivered, then maybe an answer: each step is scheduled by the one before, so their order holds whatever the jitter. */
  private deliverLater(providerMessageId: string, contact: string): void {
    const total = this.config.deliveryDelayMs;
    this.later(total / 3, () => {
      this.pushStatus(providerMessageId, 'sent');
      this.later((total * 2) / 3, () => {
        this.pushStatus(providerMessageId, 'delivered');
        if (this.random() < this.config.replyRate) this.answerLater(contact);
      });
    });
  }

  private failLater(providerMessageId: string, failure: CarrierFailure): void {
    const total = this.config.deliveryDelayMs;
    if (failure.status === 'failed') {
      this.later(total, () => this.pushStatus(providerMessageId, 'failed', failure.code));
      return;
    }
    this.later(total / 3, () => {
      this.pushStatus(providerMessageId, 'sent');
      this.later((total * 2) / 3, () => this.pushStatus(providerMessageId, 'undelivered', failure.code));
    });
  }

  private answerLater(contact: string): void {
    const category = pickWeighted(REPLY_CATEGORIES, (c) => this.replyWeights[c], this.random);
    const bodies = SIMULATED_REPLIES[category];
    const body = bodies[Math.floor(this.random() * bodies.length)]!;
    this.later(this.config.replyDelayMs, () => {
      const message: InboundMessage = { providerMessageId: newMessageSid(), from: contact, to: this.config.fromNumber, body, receivedAt: this.nowIso() };
      this.push((sink) => sink.inbound(message));
    });
  }

  private pushStatus(providerMessageId: string, status: DeliveryStatus, errorCode?: string): void {
    this.push((sink) => sink.delivery({ providerMessageId, status, ...(errorCode !== undefined && { errorCode }), at: this.nowIso() }));
  }

  /** A timer has no caller to hand a sink error to: it is reported, and the next updates still flow. */
  private push(deliver: (sink: ProviderSink) => void | Promise<void>): void {
    try {
      const result = deliver(this.sink!);
      if (result instanceof Promise) result.catch(this.onSinkError);
    } catch (error) {
      this.onSinkError(error);
    }
  }

  /** Runs `step` after `meanMs` ±50% (whole milliseconds, as timers keep them), unless the sandbox is closed by then. */
  private later(meanMs: number, step: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.pending.delete(handle);
      if (!this.closed) step();
    }, Math.round(meanMs * (0.5 + this.random())));
    this.pending.add(handle);
  }

  private openSink(): ProviderSink {
    if (this.closed) throw new Error('the sandbox provider is closed');
    if (!this.sink) throw new Error('the sandbox provider has no sink: call connect() before sending');
    return this.sink;
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

/** Twilio-shaped message SID. From crypto, not the injected random, so a spec's constant random never makes two texts share an id (inbound handling is idempotent by it). */
function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

function assertShare(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be from 0 to 1, got ${value}`);
}

function withoutUndefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
