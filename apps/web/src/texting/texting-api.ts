import { CommandAccepted, NextContactReply, RequestContactsResult } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

const base = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/texting`;

/** The next contact to text with the message rendered for them; `next` is null when the texter holds none. */
export function fetchNextContact(campaignId: string): Promise<ApiResult<NextContactReply>> {
  return apiGet(`${base(campaignId)}/next`, NextContactReply);
}

/** "Give me N more": 409 while a batch is still untexted or too many replies wait, 410 when the pool is empty. */
export function requestContacts(campaignId: string, count: number): Promise<ApiResult<RequestContactsResult>> {
  return apiSend('POST', `${base(campaignId)}/request`, { count }, RequestContactsResult);
}

/** One press of Send over HTTP (the socket is the usual way): the gesture id is the Idempotency-Key. */
export function sendOverHttp(campaignId: string, contactId: string, gestureId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `${base(campaignId)}/send`, { contactId }, CommandAccepted, { idempotencyKey: gestureId });
}

/** Gives back the contacts this texter has not texted yet. */
export function releaseMine(campaignId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `${base(campaignId)}/release`, {}, CommandAccepted);
}
