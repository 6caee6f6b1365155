import {
  CampaignList,
  CampaignView,
  CommandAccepted,
  type CreateCampaignRequest,
  type UpdateCampaignRequest,
} from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

export function fetchCampaigns(): Promise<ApiResult<CampaignList>> {
  return apiGet('/api/campaigns', CampaignList);
}

export function fetchCampaign(id: string): Promise<ApiResult<CampaignView>> {
  return apiGet(`/api/campaigns/${encodeURIComponent(id)}`, CampaignView);
}

export function createCampaign(request: CreateCampaignRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', '/api/campaigns', request, CommandAccepted);
}

/** 409 when the campaign moved past `expectedRevision`. */
export function updateCampaign(id: string, request: UpdateCampaignRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PATCH', `/api/campaigns/${encodeURIComponent(id)}`, request, CommandAccepted);
}
