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

/** Lifecycle: who did it is the event's actor, as for every event. Launch and resume passed the checklist (launch-checklist.ts). */
export type CampaignLaunched = DomainEvent<'CampaignLaunched', { campaignId: string; launchedAt: string }>;
export type CampaignPaused = DomainEvent<'CampaignPaused', { campaignId: string; pausedAt: string }>;
export type CampaignResumed = DomainEvent<'CampaignResumed', { campaignId: string; resumedAt: string }>;
/** Final: nothing about the campaign changes after it. `from`: the status it was archived from. */
export type CampaignArchived = DomainEvent<'CampaignArchived', { campaignId: string; from: 'draft' | 'active' | 'paused'; archivedAt: string }>;

export type CampaignEvent = CampaignCreated | CampaignDetailsChanged | CampaignLaunched | CampaignPaused | CampaignResumed | CampaignArchived;

export const campaignStream = (campaignId: string) => `campaign-${campaignId}`;
