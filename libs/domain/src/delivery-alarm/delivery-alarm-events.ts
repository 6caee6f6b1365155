import type { DomainEvent } from '../shared/decider.js';

/**
 * Campaign-level delivery alarms, one stream per campaign
 * (`delivery-alarms-<campaignId>`): the carrier filtered texts (Twilio 30007)
 * or the sender is not registered for 10DLC (30034). Every later text of the
 * campaign will likely meet the same fate, so admins must act (register,
 * change the script); one event per alarm kind until it is acknowledged.
 */
export type CampaignAlarmKind = 'carrier_filtered' | 'unregistered_10dlc';

export type DeliveryAlarmRaised = DomainEvent<
  'DeliveryAlarmRaised',
  { campaignId: string; alarm: CampaignAlarmKind; errorCode: string; messageId: string; raisedAt: string }
>;

export type DeliveryAlarmEvent = DeliveryAlarmRaised;

export const deliveryAlarmStream = (campaignId: string) => `delivery-alarms-${campaignId}`;
