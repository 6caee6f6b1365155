import type { CampaignView } from '@textbank/contracts';

/**
 * Adds or replaces a campaign in a list shown newest first. A version with a
 * lower revision never replaces a newer one: a slow GET can land after a live update.
 */
export function upsertCampaign(campaigns: readonly CampaignView[], incoming: CampaignView): CampaignView[] {
  const existing = campaigns.find((campaign) => campaign.id === incoming.id);
  if (existing && existing.revision > incoming.revision) return [...campaigns];
  const others = campaigns.filter((campaign) => campaign.id !== incoming.id);
  return [...others, incoming].sort(newestFirst);
}

export function newestFirst(a: CampaignView, b: CampaignView): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);
}

/** The newer of two versions of one campaign: a slow answer never replaces a live update. */
export function newerCampaign(current: CampaignView | null, incoming: CampaignView): CampaignView {
  return current && current.id === incoming.id && current.revision > incoming.revision ? current : incoming;
}
