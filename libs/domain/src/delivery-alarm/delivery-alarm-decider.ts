import { accept, assertNever, type Decider } from '../shared/decider.js';
import type { CampaignAlarmKind, DeliveryAlarmEvent } from './delivery-alarm-events.js';

export interface RaiseDeliveryAlarm {
  readonly type: 'RaiseDeliveryAlarm';
  readonly campaignId: string;
  readonly alarm: CampaignAlarmKind;
  readonly errorCode: string;
  readonly messageId: string;
  readonly now: string;
}

export type DeliveryAlarmCommand = RaiseDeliveryAlarm;

export interface DeliveryAlarmState {
  /** Alarms already raised: thousands of filtered texts make one alarm, not thousands. */
  readonly raised: ReadonlySet<CampaignAlarmKind>;
}

export const deliveryAlarmDecider: Decider<DeliveryAlarmCommand, DeliveryAlarmEvent, DeliveryAlarmState> = {
  initialState: () => ({ raised: new Set() }),
  decide(command, state) {
    switch (command.type) {
      case 'RaiseDeliveryAlarm': {
        if (state.raised.has(command.alarm)) return accept();
        const { campaignId, alarm, errorCode, messageId, now } = command;
        return accept({ type: 'DeliveryAlarmRaised', data: { campaignId, alarm, errorCode, messageId, raisedAt: now } });
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DeliveryAlarmRaised':
        return { raised: new Set(state.raised).add(event.data.alarm) };
      default:
        return assertNever(event.type);
    }
  },
};
