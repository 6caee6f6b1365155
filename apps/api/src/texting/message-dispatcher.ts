import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { conversationDecider, conversationStream, textingWindowClosesAt, type DispatchOutcome } from '@textbank/domain';
import { positionOf, type EventStore, type RecordedEvent, type Subscription } from '@textbank/event-store';
import { optedOutAmong, type ProjectionRunner } from '@textbank/projections';
import type { SendResult, SmsProvider } from '@textbank/sms';
import type Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { systemEnvelope } from '../commands/command-envelope.js';
import { CommandExecutor } from '../commands/command-executor.js';
import { CLOCK, EVENT_STORE, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { INSTALLATION_ORGANIZATION_ID } from '../setup/the-organization.js';
import { DISPATCH_LEASE, dispatchAttempts } from './dispatch-lease.js';
import type { DispatchAttempts } from './dispatch-attempts.js';
import type { Lease } from '../infrastructure/lease.js';
import { CarrierErrorConsequences } from './carrier-error-consequences.js';
import { DispatchJournal, type Attempt } from './dispatch-journal.js';
import { DispatchReconciler } from './dispatch-reconciler.js';
import { PerContactPipeline } from './per-contact-pipeline.js';
import { SenderPacer, type Slot } from './sender-pacer.js';
import { SMS_PROVIDER } from './sms-provider.token.js';
import { TextingService } from './texting.service.js';

interface Outbound {
  readonly campaignId: string;
  readonly contactId: string;
  readonly messageId: string;
  readonly to: string;
  readonly body: string;
  /** The one text telling a contact opted out by hand that nothing more comes: it goes although the number is on the list. */
  readonly optOutConfirmation?: true;
}

/** How long shutdown waits for a send in flight. */
const SHUTDOWN_GRACE_MS = 2_000;
/** A provider that has not answered by then: the outcome is unknown, reconciled, never retried blindly. */
const SEND_TIMEOUT_MS = 30_000;
/** Deferred sends (back-pressure, provider unreachable before sending) wait at most this long between tries. */
const MAX_DEFER_MS = 30_000;
/** A text that waited longer than this for its sender's pace is checked again before it goes. */
const RECHECK_AFTER_MS = 1_000;

/**
 * An outcome waits at most this long to be recorded with the others that came
 * back meanwhile, in one commit of the log (one fsync instead of one per text).
 * The attempt in the journal covers a crash in between: it is settled as unknown.
 */
const OUTCOME_BATCH_MS = 10;

/** Fenced out by another holder: how long to stand back before checking the lease again (a lease's time to live). */
const FENCED_BACKOFF_MS = 15_000;

/** The shared attempts stream was taken over by another instance: this one must not send. */
class FencedOut extends Error {
  constructor() {
    super('Another instance took the dispatch over');
  }
}

const outboundOf = (event: RecordedEvent): Outbound => event.data as unknown as Outbound;

/**
 * Sends each accepted text once. A checkpointed subscription to the log's
 * InitialMessageSent and ReplySent; for each, just before asking the provider:
 * is there already an outcome (a replay after a crash), has the number opted
 * out or the campaign stopped since the texter pressed Send? The attempt is
 * written down (dispatch.db) before the provider is asked: after a
 * kill -9 between asking and recording, or a send that got no answer, the
 * message's outcome is unknown (`MessageOutcomeUnknown`): it is never sent a
 * second time, and DispatchReconciler asks the provider what became of it.
 * Back-pressure (429) and a provider that could not be reached before
 * anything was sent are waited out and asked again: nothing was created.
 */
@Injectable()
export class MessageDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MessageDispatcher.name);
  private readonly journal: DispatchJournal;
  private readonly reconciler: DispatchReconciler;
  private subscription: Subscription | undefined;
  private pipeline: PerContactPipeline<RecordedEvent> | undefined;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private reconciling: ReturnType<typeof setInterval> | undefined;
  private signalStop: () => void = () => {};
  /** Settles when the app stops: a send still waiting for the provider is left as an attempt, as a kill -9 would leave it. */
  private readonly stopping = new Promise<'stopped'>((resolve) => (this.signalStop = () => resolve('stopped')));

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly executor: CommandExecutor,
    private readonly texting: TextingService,
    @Inject(DISPATCH_LEASE) private readonly lease: Lease,
    private readonly consequences: CarrierErrorConsequences,
  ) {
    this.journal = new DispatchJournal(resolve(config.dataDir, 'dispatch.db'));
    this.attempts = dispatchAttempts(config, store, this.journal);
    this.reconciler = new DispatchReconciler(this.journal, provider, (attempt, outcome) => this.record(attempt, outcome).then(() => undefined), clock, config.dispatch.reconcileAfterMs);
    this.reconcileEveryMs = config.dispatch.reconcileEveryMs;
    this.concurrency = config.dispatch.concurrency;
    this.pacer = new SenderPacer(config.dispatch, this.journal, clock);
  }

  private readonly attempts: DispatchAttempts;
  private readonly reconcileEveryMs: number;
  private readonly concurrency: number;
  private readonly pacer: SenderPacer;

  onModuleInit(): void {
    // Several instances on one EventStoreDB: only the lease holder sends (see dispatch-lease.ts).
    this.lease.hold({ acquired: () => void this.start(), lost: () => void this.pause() });
  }

  /** The lease went to another instance, or this run failed: stop reading and starting sends; a send already asked of the provider finishes. */
  private async pause(): Promise<void> {
    this.run++; // a start() still on its way, or a late failure report of this run, is stale from now on
    clearTimeout(this.retry);
    clearInterval(this.reconciling);
    this.pipeline?.stop();
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.unsubscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.lease.release();
    this.signalStop();
    clearTimeout(this.retry);
    clearInterval(this.reconciling);
    // A provider that never answers must not hold the shutdown: its attempt stays in dispatch.db and is settled at the next start.
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([this.subscription?.unsubscribe(), grace]);
    await Promise.race([this.pipeline?.drained(), grace]);
    await Promise.race([this.provider.close(), grace]);
    await Promise.race([this.reconcilingNow, grace]);
    this.journal.close();
  }

  private reconcilingNow: Promise<unknown> = Promise.resolve();

  /** One reconciliation round at a time; a failure is logged and the next round tries again. */
  private reconcile(): void {
    this.reconcilingNow = this.reconcilingNow.then(() =>
      this.reconciler.reconcileDue(() => this.stopped).catch((error: unknown) => this.logger.error(error, 'reconciliation failed; trying again later')),
    );
  }

  /** One subscription and one pipeline at a time: each start() is a run, and whatever a stale run was doing stops mattering. */
  private run = 0;

  private async start(): Promise<void> {
    const run = ++this.run;
    const current = () => run === this.run && this.lease.held && !this.stopped;
    try {
      await this.begin(run, current);
    } catch (error) {
      if (!current()) return;
      this.logger.error(error, 'could not start dispatching; retrying');
      this.retryLater(run, 1000);
    }
  }

  /** Sets the retry unless a newer run (a lease change meanwhile) has taken over. */
  private retryLater(run: number, ms: number): void {
    if (run !== this.run || !this.lease.held || this.stopped) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.start(), ms);
  }

  private async begin(run: number, current: () => boolean): Promise<void> {
    if (!current()) return;
    // The sends of the run before finish first (it starts none from now on): a replay from the checkpoint must see their outcomes.
    this.pipeline?.stop();
    await this.pipeline?.drained();
    if (!current()) return;
    await this.adoptLeftOpen();
    await this.settleAmbiguous();
    if (!current()) return;
    const stale = this.subscription;
    this.subscription = undefined;
    await stale?.unsubscribe();
    if (!current()) return;
    clearInterval(this.reconciling);
    this.reconciling = setInterval(() => this.reconcile(), this.reconcileEveryMs);
    this.reconcile();
    const from = this.journal.checkpoint();
    const pipeline = new PerContactPipeline<RecordedEvent>(
      this.concurrency,
      (event) => (this.stopped ? Promise.resolve() : this.dispatch(event)),
      (error) => this.failed(run, error),
    );
    this.pipeline = pipeline;
    this.subscription = this.store.subscribeToAll(
      {
        // The next batch is read while this one's last texts are still out: the pace never runs dry between them.
        onEvents: (events) =>
          pipeline.admit(events, () => {
            // Once per batch, in log order: a replay after a crash skips every message that already has an outcome.
            if (!this.stopped) this.journal.saveCheckpoint(events[events.length - 1]!.position.commit);
          }),
        onError: (error) => this.failed(run, error),
      },
      { fromPosition: from === 0n ? 'start' : positionOf(from), filter: { eventTypes: ['InitialMessageSent', 'ReplySent'] }, batchSize: 200 },
    );
  }

  /** The subscription or a send of `run` failed (reported once per run: pause() makes the run stale). */
  private failed(run: number, error: unknown): void {
    if (run !== this.run) return;
    if (this.stopped || !this.lease.held) return; // the lease went elsewhere: the next holder goes on
    if (error instanceof FencedOut) {
      // Another instance took the dispatch over while this one still thought it held the lease (a pause, a
      // skewed clock): stand back; if the lease is still this one's after its time to live, take over again.
      this.logger.warn('another instance took the dispatch over; standing back');
      void this.pauseThenRetry(FENCED_BACKOFF_MS);
      return;
    }
    this.logger.error(error, 'dispatch failed; retrying from the checkpoint');
    void this.pauseThenRetry(1000);
  }

  private async pauseThenRetry(ms: number): Promise<void> {
    const paused = this.pause();
    const run = this.run; // pause() made it; a lease change while unsubscribing makes a newer one, which goes on alone
    await paused.catch((error: unknown) => this.logger.error(error, 'could not unsubscribe; retrying anyway'));
    this.retryLater(run, ms);
  }

  /** What waits in the dispatcher now: texts holding for their sender's slot, sends whose outcome is still unknown. */
  backlog(): { waitingBySender: ReadonlyMap<string, number>; unknown: number } {
    return { waitingBySender: this.pacer.waitingBySender(), unknown: this.journal.unknownCount() };
  }

  /**
   * Attempts another instance left open when it stopped holding the dispatch
   * (several instances): in flight, their outcome is unknown (recorded so);
   * either way this instance reconciles them. Never sent again.
   */
  private async adoptLeftOpen(): Promise<void> {
    for (const attempt of await this.attempts.takeOver()) {
      if (this.journal.holds(attempt.messageId)) continue; // this instance's own: settled below
      if (!(await this.settledInLog(attempt, 'The instance sending it stopped while the provider was being asked'))) this.journal.adoptUnknown(attempt);
    }
  }

  /** Attempts left by a process that died mid-send: their outcome is unknown, unless the log already has it. */
  private async settleAmbiguous(): Promise<void> {
    for (const attempt of this.journal.inFlight()) {
      // Settled: the process died after recording, before clearing.
      if (await this.settledInLog(attempt, 'The app stopped while the provider was being asked')) this.journal.finish(attempt.messageId);
      else this.journal.markUnknown(attempt.messageId);
    }
  }

  /** Whether the log has the attempt's outcome; if not, it is recorded unknown there (once), for reconciliation. */
  private async settledInLog(attempt: Attempt, detail: string): Promise<boolean> {
    const state = await this.executor.current(conversationStream(attempt.contactId), conversationDecider);
    const known = state.outbound.get(attempt.messageId);
    if (known !== undefined && known !== 'queued' && known !== 'unknown') return true;
    if (known !== 'unknown') await this.record(attempt, { kind: 'unknown', attemptedAt: attempt.startedAt, detail });
    return false;
  }

  private async dispatch(event: RecordedEvent): Promise<void> {
    const message = outboundOf(event);
    const state = await this.executor.current(conversationStream(message.contactId), conversationDecider);
    const known = state.outbound.get(message.messageId);
    if (known !== undefined && known !== 'queued') return;
    // The opt-out list and campaign as of this event at least: a STOP recorded before now is seen.
    await this.projections.waitFor(event.position.commit);
    let verdict = await this.verdict(message);
    if ('refused' in verdict) return void (await this.record(message, verdict.refused));
    // The slot is taken as late as possible, so each request leaves when its slot says.
    const slot = await this.pacer.slot(this.provider.senderOf(message), this.stopping);
    if (slot === 'stopped') return;
    let asked = false;
    try {
      // A long wait for the sender's pace: a STOP, a pause or the window's end meanwhile still wins.
      if (slot.waitedMs > RECHECK_AFTER_MS) verdict = await this.verdict(message);
      if ('refused' in verdict) return void (await this.record(message, verdict.refused));
      if (this.stopped) return;
      const attempt: Attempt = { messageId: message.messageId, contactId: message.contactId, campaignId: message.campaignId, to: message.to, body: message.body, startedAt: this.clock().toISOString() };
      // Written down before the provider is asked. Not written: another instance holds the dispatch now and sends it.
      if (!(await this.attempts.begin(attempt))) throw new FencedOut();
      asked = true;
      await this.sendAndRecord(message, attempt, verdict.closesAt, slot);
    } finally {
      if (!asked) slot.answered(false); // nothing went out on it
    }
  }

  /** Asks the provider (the attempt is written down) and records what it answered. */
  private async sendAndRecord(message: Outbound, attempt: Attempt, closesAt: Date, slot: Slot): Promise<void> {
    const result = await this.send({ ...message, validUntil: closesAt.toISOString() }, slot);
    if (result === 'stopped' || this.stopped) return; // the attempt stays: the next start settles it (an outcome already recorded wins)
    const outcome: DispatchOutcome =
      result.status === 'accepted'
        ? { kind: 'dispatched', providerMessageId: result.providerMessageId, from: result.from }
        : result.status === 'failed'
          ? { kind: 'not_sent', reason: 'provider_refused', errorCode: result.errorCode, detail: result.errorMessage }
          : { kind: 'unknown', attemptedAt: attempt.startedAt, detail: result.errorMessage };
    const recorded = this.recordSoon(message, outcome);
    if (outcome.kind === 'dispatched') {
      // The provider's first delivery report can come back before this commit: it waits for it (whenRecorded).
      const { providerMessageId } = outcome;
      this.recording.set(providerMessageId, recorded);
      void recorded.catch(() => undefined).then(() => this.recording.delete(providerMessageId));
    }
    await recorded;
    if (this.stopped) return;
    if (outcome.kind === 'unknown') this.journal.markUnknown(message.messageId);
    else this.journal.finish(message.messageId);
    if (outcome.kind === 'not_sent' && outcome.errorCode) await this.consequences.apply({ ...message, phone: message.to, errorCode: outcome.errorCode });
  }

  /** Whether the text may still go out: not opted out, campaign active, the contact's window open (and when it closes). */
  private async verdict(message: Outbound): Promise<{ refused: DispatchOutcome } | { closesAt: Date }> {
    if (!message.optOutConfirmation && optedOutAmong(this.readModels, INSTALLATION_ORGANIZATION_ID, [message.to]).size > 0) {
      return { refused: { kind: 'not_sent', reason: 'opted_out', detail: 'The number opted out after the text was accepted' } };
    }
    const campaign = await this.texting.campaignFacts(message.campaignId);
    if (campaign.status !== 'active') return { refused: { kind: 'not_sent', reason: 'campaign_not_active', detail: `The campaign is ${campaign.status}` } };
    const zone = this.readModels.prepare('SELECT time_zone FROM conversations WHERE contact_id = ?').pluck().get(message.contactId) as string | null | undefined;
    const closesAt = campaign.hours ? textingWindowClosesAt(zone ?? null, campaign.hours, this.clock()) : null;
    if (!closesAt) return { refused: { kind: 'not_sent', reason: 'expired', detail: "The contact's texting hours ended before the text could go out (it waited for the sender's pace)" } };
    return { closesAt };
  }

  /**
   * Asks the provider, waiting out deferrals (nothing was created, so asking
   * again cannot double a text). A provider that neither answers nor fails
   * within the timeout leaves the outcome unknown.
   */
  private async send(message: Outbound & { validUntil: string }, first: Slot): Promise<Exclude<SendResult, { status: 'deferred' }> | 'stopped'> {
    let slot = first;
    for (let deferrals = 0; ; deferrals++) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<SendResult>((resolve) => {
        timer = setTimeout(() => resolve({ status: 'ambiguous', errorMessage: `The provider did not answer within ${SEND_TIMEOUT_MS / 1000} s` }), SEND_TIMEOUT_MS);
      });
      let result: SendResult | 'stopped';
      try {
        const { messageId, campaignId, to, body, validUntil } = message;
        result = await Promise.race([this.provider.send({ messageId, campaignId, to, body, validUntil }), timedOut, this.stopping]);
      } catch (error) {
        result = { status: 'ambiguous', errorMessage: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
      // Pushed back (a 429, or nothing reached the provider): not a text at the carrier.
      slot.answered(result === 'stopped' || result.status !== 'deferred');
      if (result === 'stopped' || result.status !== 'deferred') return result;
      this.logger.warn({ messageId: message.messageId, reason: result.reason }, 'send deferred; asking again');
      // Backing off: 1 s, 2 s, 4 s… up to 30 s while the provider keeps pushing back or stays unreachable.
      const backoff = Math.min(result.retryAfterMs * 2 ** deferrals, MAX_DEFER_MS);
      const waited = await Promise.race([new Promise((resolve) => setTimeout(resolve, backoff)), this.stopping]);
      // Asking again takes a slot of the sender's pace like any request.
      if (waited === 'stopped') return 'stopped';
      const next = await this.pacer.slot(this.provider.senderOf(message), this.stopping);
      if (next === 'stopped') return 'stopped';
      slot = next;
    }
  }

  private outcomes: Array<() => void> = [];
  /** Provider message id → its MessageDispatched, still being recorded. */
  private readonly recording = new Map<string, Promise<void>>();

  /** Settles once this process has recorded the send the provider knows by this id (at once when it is not recording it). */
  whenRecorded(providerMessageId: string): Promise<void> {
    return (this.recording.get(providerMessageId) ?? Promise.resolve()).catch(() => undefined);
  }

  /** Records with the other outcomes of the next few milliseconds (see OUTCOME_BATCH_MS). */
  private recordSoon(message: Outbound, outcome: DispatchOutcome): Promise<void> {
    return new Promise((resolve, reject) => {
      this.outcomes.push(() => void this.record(message, outcome).then(() => resolve(), reject));
      if (this.outcomes.length > 1) return;
      setTimeout(() => {
        const due = this.outcomes;
        this.outcomes = [];
        due.forEach((record) => record());
      }, OUTCOME_BATCH_MS);
    });
  }

  private record(message: Pick<Outbound, 'campaignId' | 'contactId' | 'messageId'>, outcome: DispatchOutcome) {
    return this.executor.execute({
      stream: conversationStream(message.contactId),
      decider: conversationDecider,
      command: { type: 'RecordDispatch', contactId: message.contactId, campaignId: message.campaignId, messageId: message.messageId, outcome, now: this.clock().toISOString() },
      // The unknown outcome and the reconciled one later are two commands, so the second is not taken for a retry of the first.
      envelope: systemEnvelope(outcome.kind === 'unknown' ? `dispatch:${message.messageId}:unknown` : `dispatch:${message.messageId}`, this.clock()),
    });
  }
}
