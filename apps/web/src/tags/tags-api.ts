import {
  CampaignTags,
  CommandAccepted,
  TagList,
  type ChangeTagRequest,
  type ChooseCampaignTagsRequest,
  type CreateTagRequest,
} from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

/** Every tag of the organization, archived ones too, with the position to follow 'tags' from. */
export function fetchTags(): Promise<ApiResult<TagList>> {
  return apiGet('/api/tags', TagList);
}

/** 409 when another tag has the name (ignoring case). */
export function createTag(request: CreateTagRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', '/api/tags', request, CommandAccepted);
}

/** Rename, recolour or regroup; 409 when the tag changed since `expectedRevision`, the name is taken or the tag is archived. */
export function changeTag(id: string, request: ChangeTagRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PATCH', `/api/tags/${encodeURIComponent(id)}`, request, CommandAccepted);
}

export function archiveTag(id: string, expectedRevision: number): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/tags/${encodeURIComponent(id)}/archive`, { expectedRevision }, CommandAccepted);
}

/** The tags a campaign offers; `revision` is the survey stream's, shared with the survey. */
export function fetchCampaignTags(campaignId: string): Promise<ApiResult<CampaignTags>> {
  return apiGet(`/api/campaigns/${encodeURIComponent(campaignId)}/tags`, CampaignTags);
}

/** 409 when stale, or when the survey applies a tag being dropped. */
export function chooseCampaignTags(campaignId: string, request: ChooseCampaignTagsRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PUT', `/api/campaigns/${encodeURIComponent(campaignId)}/tags`, request, CommandAccepted);
}
