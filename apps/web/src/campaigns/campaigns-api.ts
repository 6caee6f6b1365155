import {
  CampaignList,
  CampaignPage,
  CommandAccepted,
  type CreateCampaignRequest,
  type UpdateCampaignRequest,
} from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

export function fetchCampaigns(): Promise<ApiResult<CampaignList>> {
  return apiGet('/api/campaigns', CampaignList);
}

/** One campaign with the read models' position: follow 'campaign:<id>' from it. 404 when there is no such campaign. */
export function fetchCampaign(id: string): Promise<ApiResult<CampaignPage>> {
  return apiGet(`/api/campaigns/${encodeURIComponent(id)}`, CampaignPage);
}

export function createCampaign(request: CreateCampaignRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', '/api/campaigns', request, CommandAccepted);
}

/** 409 when the campaign moved past `expectedRevision`. */
export function updateCampaign(id: string, request: UpdateCampaignRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PATCH', `/api/campaigns/${encodeURIComponent(id)}`, request, CommandAccepted);
}
