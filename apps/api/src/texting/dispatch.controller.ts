import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { deliveryAlarmStream, type DeliveryAlarmRaised, type MessageOutcomeUndecided } from '@textbank/domain';
import { END, StreamNotFoundError, type EventStore } from '@textbank/event-store';
import { Access, READERS } from '../auth/access.decorator.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';

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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

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
