import { CommandAccepted, SurveyPage, type SaveSurveyRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

const base = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/survey`;

/** The survey's current version and the tags the campaign offers, with the position to follow 'campaign:<id>' from. */
export function fetchSurvey(campaignId: string): Promise<ApiResult<SurveyPage>> {
  return apiGet(base(campaignId), SurveyPage);
}

/** The whole tree as the next version; 400 for cycles, dangling follow-ups and limits; 409 when stale. */
export function saveSurvey(campaignId: string, request: SaveSurveyRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PUT', base(campaignId), request, CommandAccepted);
}
