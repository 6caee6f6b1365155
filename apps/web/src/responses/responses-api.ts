import {
  CannedResponseList,
  CommandAccepted,
  type CreateCannedResponseRequest,
  type EditCannedResponseRequest,
  type ReorderCannedResponsesRequest,
} from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

const base = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/responses`;

/** In order; `q` finds titles and bodies ignoring case and accents. */
export function fetchCannedResponses(campaignId: string, q = ''): Promise<ApiResult<CannedResponseList>> {
  return apiGet(q ? `${base(campaignId)}?${new URLSearchParams({ q }).toString()}` : base(campaignId), CannedResponseList);
}

export function createCannedResponse(campaignId: string, request: CreateCannedResponseRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', base(campaignId), request, CommandAccepted);
}

/** 409 when the response changed since `expectedVersion`. */
export function editCannedResponse(campaignId: string, responseId: string, request: EditCannedResponseRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PATCH', `${base(campaignId)}/${encodeURIComponent(responseId)}`, request, CommandAccepted);
}

/** Every response once, in the new order; 409 when one was added or deleted meanwhile. */
export function reorderCannedResponses(campaignId: string, request: ReorderCannedResponsesRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PUT', `${base(campaignId)}/order`, request, CommandAccepted);
}

export function deleteCannedResponse(campaignId: string, responseId: string, expectedVersion: number): Promise<ApiResult<CommandAccepted>> {
  return apiSend('DELETE', `${base(campaignId)}/${encodeURIComponent(responseId)}?expectedVersion=${expectedVersion}`, undefined, CommandAccepted);
}
