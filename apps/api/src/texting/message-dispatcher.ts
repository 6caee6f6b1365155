import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { conversationDecider, conversationStream, type DispatchOutcome } from '@textbank/domain';
import { positionOf, type EventStore, type RecordedEvent, type Subscription } from '@textbank/event-store';
import { optedOutAmong, type ProjectionRunner } from '@textbank/projections';
import { UNSUBSCRIBED_ERROR_CODES, type SendResult, type SmsProvider } from '@textbank/sms';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CommandBus } from '@nestjs/cqrs';
import { systemEnvelope } from '../commands/command-envelope.js';
import { OptOutPhonesCommand } from '../contacts/opt-out-phones.command.js';
import { CommandExecutor } from '../commands/command-executor.js';
import { CLOCK, EVENT_STORE, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { INSTALLATION_ORGANIZATION_ID } from '../setup/the-organization.js';
import { DISPATCH_LEASE } from './dispatch-lease.js';
import type { Lease } from '../infrastructure/lease.js';
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
/** A provider that has not answered by then: the outcome is unknown (ambiguous), never retried blindly. */
const SEND_TIMEOUT_MS = 30_000;

const outboundOf = (event: RecordedEvent): Outbound => event.data as unknown as Outbound;

/**
 * Sends each accepted text once. A checkpointed subscription to the log's
 * InitialMessageSent and ReplySent; for each, just before asking the provider:
 * is there already an outcome (a replay after a crash), has the number opted
 * out or the campaign stopped since the texter pressed Send? The attempt is
 * written down (dispatch.db) before the provider is asked: after a
 * kill -9 between asking and recording, the message is recorded as
 * `ambiguous`, never sent a second time blindly.
 */
@Injectable()
export class MessageDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MessageDispatcher.name);
  private readonly db: Database.Database;
  private subscription: Subscription | undefined;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
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
    private readonly commandBus: CommandBus,
    @Inject(DISPATCH_LEASE) private readonly lease: Lease,
  ) {
    this.db = new Database(resolve(config.dataDir, 'dispatch.db'));
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: an attempt row survives a kill -9 (the OS has it); only a power cut in the
    // same instant could lose one, and then that one send may go out again.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS dispatch_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS dispatch_attempts (message_id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, campaign_id TEXT NOT NULL, started_at TEXT NOT NULL);`);
  }

  onModuleInit(): void {
    // Several instances on one EventStoreDB: only the lease holder sends (see dispatch-lease.ts).
    this.lease.hold({ acquired: () => void this.start(), lost: () => void this.pause() });
  }

  /** The lease went to another instance: stop reading; a send already asked of the provider finishes. */
  private async pause(): Promise<void> {
    clearTimeout(this.retry);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.unsubscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.lease.release();
    this.signalStop();
    clearTimeout(this.retry);
    // A provider that never answers must not hold the shutdown: its attempt stays in dispatch.db and is settled at the next start.
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([this.subscription?.unsubscribe(), grace]);
    await Promise.race([this.provider.close(), grace]);
    this.db.close();
  }

  private async start(): Promise<void> {
    try {
      await this.settleAmbiguous();
    } catch (error) {
      this.logger.error(error, 'could not settle earlier attempts; retrying');
      this.retry = setTimeout(() => void this.start(), 1000);
      return;
    }
    if (this.stopped) return;
    const row = this.db.prepare('SELECT position FROM dispatch_checkpoint WHERE id = 1').get() as { position: number | bigint } | undefined;
    const from = row ? BigInt(row.position) : 0n;
    this.subscription = this.store.subscribeToAll(
      {
        onEvents: async (events) => {
          for (const event of events) {
            if (this.stopped) return;
            await this.dispatch(event);
          }
          if (this.stopped) return;
          // Once per batch: a replay after a crash skips every message that already has an outcome.
          this.db.prepare('INSERT INTO dispatch_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position').run(events[events.length - 1]!.position.commit);
        },
        onError: (error) => {
          if (this.stopped) return;
          this.logger.error(error, 'dispatch failed; retrying from the checkpoint');
          this.retry = setTimeout(() => void this.start(), 1000);
        },
      },
      { fromPosition: from === 0n ? 'start' : positionOf(from), filter: { eventTypes: ['InitialMessageSent', 'ReplySent'] }, batchSize: 200 },
    );
  }

  /** Attempts left by a process that died mid-send: their outcome is unknown. */
  private async settleAmbiguous(): Promise<void> {
    const left = this.db.prepare('SELECT message_id, contact_id, campaign_id FROM dispatch_attempts').all() as Array<{ message_id: string; contact_id: string; campaign_id: string }>;
    for (const attempt of left) {
      await this.record(
        { campaignId: attempt.campaign_id, contactId: attempt.contact_id, messageId: attempt.message_id },
        { kind: 'not_sent', reason: 'ambiguous', detail: 'The app stopped while the provider was being asked; check the provider before sending again' },
      );
      this.db.prepare('DELETE FROM dispatch_attempts WHERE message_id = ?').run(attempt.message_id);
    }
  }

  private async dispatch(event: RecordedEvent): Promise<void> {
    const message = outboundOf(event);
    const state = await this.executor.current(conversationStream(message.contactId), conversationDecider);
    const known = state.outbound.get(message.messageId);
    if (known !== undefined && known !== 'queued') return;
    // The opt-out list and campaign as of this event at least: a STOP recorded before now is seen.
    await this.projections.waitFor(event.position.commit);
    if (!message.optOutConfirmation && optedOutAmong(this.readModels, INSTALLATION_ORGANIZATION_ID, [message.to]).size > 0) {
      await this.record(message, { kind: 'not_sent', reason: 'opted_out', detail: 'The number opted out after the text was accepted' });
      return;
    }
    const status = await this.texting.campaignStatus(message.campaignId);
    if (status !== 'active') {
      await this.record(message, { kind: 'not_sent', reason: 'campaign_not_active', detail: `The campaign is ${status}` });
      return;
    }
    if (this.stopped) return;
    this.db.prepare('INSERT OR REPLACE INTO dispatch_attempts VALUES (?, ?, ?, ?)').run(message.messageId, message.contactId, message.campaignId, this.clock().toISOString());
    let outcome: DispatchOutcome;
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<SendResult>((resolve) => {
        timer = setTimeout(() => resolve({ status: 'ambiguous', errorMessage: `The provider did not answer within ${SEND_TIMEOUT_MS / 1000} s` }), SEND_TIMEOUT_MS);
      });
      const result = await Promise.race([this.provider.send({ messageId: message.messageId, campaignId: message.campaignId, to: message.to, body: message.body }), timedOut, this.stopping]);
      clearTimeout(timer);
      if (result === 'stopped') return;
      outcome =
        result.status === 'accepted'
          ? { kind: 'dispatched', providerMessageId: result.providerMessageId, from: result.from }
          : result.status === 'failed'
            ? { kind: 'not_sent', reason: 'provider_refused', errorCode: result.errorCode, detail: result.errorMessage }
            : { kind: 'not_sent', reason: 'ambiguous', detail: result.errorMessage };
    } catch (error) {
      outcome = { kind: 'not_sent', reason: 'ambiguous', detail: error instanceof Error ? error.message : String(error) };
    }
    if (this.stopped) return; // the attempt stays: the next start settles it (an outcome already recorded wins)
    await this.record(message, outcome);
    if (this.stopped) return;
    this.db.prepare('DELETE FROM dispatch_attempts WHERE message_id = ?').run(message.messageId);
    if (outcome.kind === 'not_sent' && outcome.errorCode && UNSUBSCRIBED_ERROR_CODES.has(outcome.errorCode)) {
      await this.optOut(message.to, `dispatch:${message.messageId}`);
    }
  }

  private record(message: Pick<Outbound, 'campaignId' | 'contactId' | 'messageId'>, outcome: DispatchOutcome) {
    return this.executor.execute({
      stream: conversationStream(message.contactId),
      decider: conversationDecider,
      command: { type: 'RecordDispatch', contactId: message.contactId, campaignId: message.campaignId, messageId: message.messageId, outcome, now: this.clock().toISOString() },
      envelope: systemEnvelope(`dispatch:${message.messageId}`, this.clock()),
    });
  }

  private async optOut(phone: string, cause: string): Promise<void> {
    await this.commandBus.execute(
      new OptOutPhonesCommand(INSTALLATION_ORGANIZATION_ID, [phone], 'carrier', systemEnvelope(`opt-out:${cause}`, this.clock()), 'The carrier reported an unsubscribed recipient'),
    );
  }

}
