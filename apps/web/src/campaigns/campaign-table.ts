import type { CampaignStatus, CampaignView } from '@textbank/contracts';
import { actorLabel } from '../format/actor-label';
import { byText, byTime, type TableQuery, type TableRules } from '../tables/table-view';

export type CampaignColumn = 'name' | 'status' | 'created';

/** Draft, then the ones running, then paused, then archived: the order work moves through. */
const STATUS_ORDER: readonly CampaignStatus[] = ['draft', 'active', 'paused', 'archived'];

export const CAMPAIGN_TABLE: TableRules<CampaignView, CampaignColumn> = {
  searchText: (campaign) => `${campaign.name} ${campaign.description} ${actorLabel(campaign.createdBy)}`,
  compare: {
    name: (a, b) => byText(a.name, b.name),
    status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    created: (a, b) => byTime(a.createdAt, b.createdAt),
  },
  pageSize: 20,
};

/** Newest first, as the list has always opened. */
export const FIRST_CAMPAIGN_QUERY: TableQuery<CampaignColumn> = { search: '', sort: 'created', direction: 'descending', page: 1 };

/** '' means every status. */
export function withStatus(campaigns: readonly CampaignView[], status: CampaignStatus | ''): CampaignView[] {
  return status === '' ? [...campaigns] : campaigns.filter((campaign) => campaign.status === status);
}
