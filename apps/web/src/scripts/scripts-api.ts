import { CommandAccepted, ScriptPage, ScriptPreview, type ReviseScriptRequest, type ScriptPreviewRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

const base = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/script`;

/** The current version, the merge fields the campaign allows, and the position to follow 'campaign:<id>' from. */
export function fetchScript(campaignId: string): Promise<ApiResult<ScriptPage>> {
  return apiGet(base(campaignId), ScriptPage);
}

/** 409 when someone saved since `expectedRevision`; 400 names unknown merge fields and where they are. */
export function reviseScript(campaignId: string, request: ReviseScriptRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PUT', base(campaignId), request, CommandAccepted);
}

/** The saved script rendered for sample contacts (by default one filled in, one with every field empty). */
export function previewScript(campaignId: string, request: ScriptPreviewRequest = {}): Promise<ApiResult<ScriptPreview>> {
  return apiSend('POST', `${base(campaignId)}/preview`, request, ScriptPreview);
}
