import type { DomainEvent } from '../shared/decider.js';

export interface TextingHours {
  readonly start: string;
  readonly end: string;
}

export type CampaignCreated = DomainEvent<
  'CampaignCreated',
  { campaignId: string; organizationId: string; name: string; description: string; textingHours: TextingHours; createdAt: string }
>;

/** Only the fields that changed are present. */
export type CampaignDetailsChanged = DomainEvent<
  'CampaignDetailsChanged',
  { campaignId: string; name?: string; description?: string; textingHours?: TextingHours; changedAt: string }
>;

export type CampaignEvent = CampaignCreated | CampaignDetailsChanged;

export const campaignStream = (campaignId: string) => `campaign-${campaignId}`;
