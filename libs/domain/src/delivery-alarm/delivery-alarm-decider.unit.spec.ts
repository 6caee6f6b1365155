import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { deliveryAlarmDecider } from './delivery-alarm-decider.js';
import type { DeliveryAlarmEvent } from './delivery-alarm-events.js';

const now = '2026-07-15T18:00:00.000Z';
const spec = specify(deliveryAlarmDecider);
const raise = (alarm: 'carrier_filtered' | 'unregistered_10dlc', errorCode: string, messageId = 'm1') =>
  ({ type: 'RaiseDeliveryAlarm', campaignId: 'c1', alarm, errorCode, messageId, now }) as const;
const filtered: DeliveryAlarmEvent = { type: 'DeliveryAlarmRaised', data: { campaignId: 'c1', alarm: 'carrier_filtered', errorCode: '30007', messageId: 'm1', raisedAt: now } };

describe('delivery alarm decider', () => {
  it('raises an alarm kind once: a thousand filtered texts are one alarm', () => {
    spec.given([]).when(raise('carrier_filtered', '30007')).then([filtered]);
    spec.given([filtered]).when(raise('carrier_filtered', '30007', 'm2')).then([]);
  });

  it('another kind is its own alarm', () => {
    spec.given([filtered]).when(raise('unregistered_10dlc', '30034', 'm2')).then([
      { type: 'DeliveryAlarmRaised', data: { campaignId: 'c1', alarm: 'unregistered_10dlc', errorCode: '30034', messageId: 'm2', raisedAt: now } },
    ]);
  });
});
