import { CommandAccepted, LaunchChecklist } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';
import type { LifecycleAction } from './lifecycle-actions';

/** What a launch would say now, item by item. */
export function fetchChecklist(campaignId: string): Promise<ApiResult<LaunchChecklist>> {
  return apiGet(`/api/campaigns/${encodeURIComponent(campaignId)}/checklist`, LaunchChecklist);
}

/** Launch and resume answer 409 when the checklist is not ready (read it again to show what is missing). */
export function runLifecycleAction(campaignId: string, action: LifecycleAction): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/campaigns/${encodeURIComponent(campaignId)}/${action}`, {}, CommandAccepted);
}
