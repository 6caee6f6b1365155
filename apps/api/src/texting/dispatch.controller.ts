import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { deliveryAlarmStream, type DeliveryAlarmRaised, type MessageOutcomeUndecided } from '@textbank/domain';
import { END, StreamNotFoundError, type EventStore } from '@textbank/event-store';
import { Access, READERS } from '../auth/access.decorator.js';
import type Database from 'better-sqlite3';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CLOCK, EVENT_STORE, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { MessageDispatcher } from './message-dispatcher.js';

interface DispatchQueueView {
  readonly queued: number;
  readonly oldestQueuedAt: string | null;
  readonly oldestAgeMs: number;
  /** Sender (number or messaging service) → texts holding for its next slot. */
  readonly waitingForPace: Record<string, number>;
  readonly outcomeUnknown: number;
  readonly limits: { readonly perSecond: number | null; readonly perDay: number | null };
  /** At the configured pace; null without a pace (as fast as the provider answers). */
  readonly expectedDrainMs: number | null;
}

/** The listings are bounded: an installation with more undecided sends than this has a bigger problem to look at. */
const LISTED = 500;

/**
 * What needs a person after dispatch: sends whose outcome reconciliation
 * could not decide (never retried: check Twilio's console, then act), and
 * campaign-level delivery alarms (filtered texts, unregistered 10DLC). Read
 * from the log itself, newest first.
 */
@ApiTags('dispatch')
@Controller()
export class DispatchController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatcher: MessageDispatcher,
  ) {}

  /**
   * The send queue for the dashboard: texts accepted and not yet handed to
   * the provider (the oldest's age), those holding for their sender's pace,
   * and when the queue should be empty at the configured rate.
   */
  @Get('dispatch/queue')
  @Access(...READERS)
  queue(): DispatchQueueView {
    const { queued, oldest } = this.readModels
      .prepare("SELECT count(*) AS queued, min(at) AS oldest FROM messages WHERE direction = 'out' AND status = 'queued'")
      .get() as { queued: number; oldest: string | null };
    const { waitingBySender, unknown } = this.dispatcher.backlog();
    const senders = Math.max(1, [...waitingBySender.values()].filter((n) => n > 0).length);
    const perSecond = this.config.dispatch.perSecond;
    return {
      queued,
      oldestQueuedAt: oldest,
      oldestAgeMs: oldest ? Math.max(0, this.clock().getTime() - Date.parse(oldest)) : 0,
      waitingForPace: Object.fromEntries(waitingBySender),
      outcomeUnknown: unknown,
      limits: { perSecond: perSecond ?? null, perDay: this.config.dispatch.perDay ?? null },
      expectedDrainMs: perSecond ? Math.ceil((queued / (perSecond * senders)) * 1000) : null,
    };
  }

  @Get('dispatch/undecided')
  @Access(...READERS)
  async undecided(): Promise<{ messages: Array<MessageOutcomeUndecided['data'] & { position: string }> }> {
    const events = await this.store.readAll({ direction: 'backwards', fromPosition: END, maxCount: LISTED, filter: { eventTypes: ['MessageOutcomeUndecided'] } });
    return { messages: events.map((e) => ({ ...(e.data as MessageOutcomeUndecided['data']), position: String(e.position.commit) })) };
  }

  @Get('campaigns/:id/delivery-alarms')
  @Access(...READERS)
  async alarms(@Param('id', ParseUUIDPipe) campaignId: string): Promise<{ alarms: Array<DeliveryAlarmRaised['data']> }> {
    // One event per alarm kind: the stream is short. No stream yet: no alarm.
    const events = await this.store.readStream(deliveryAlarmStream(campaignId)).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
    return { alarms: events.map((e) => e.data as DeliveryAlarmRaised['data']) };
  }
}
