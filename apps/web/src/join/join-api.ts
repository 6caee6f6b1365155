import { InvitePreview, SessionView, type JoinRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

/** Public. 404 for an unknown link; 410 for one expired, revoked or used up (the message says which). */
export function fetchInvitePreview(token: string): Promise<ApiResult<InvitePreview>> {
  return apiGet(`/api/join/${encodeURIComponent(token)}`, InvitePreview);
}

/** Public. 201 with a session cookie: the newcomer is signed in straight away. 409 on `email` when it is taken. */
export function joinThroughInvite(token: string, request: JoinRequest): Promise<ApiResult<SessionView>> {
  return apiSend('POST', `/api/join/${encodeURIComponent(token)}`, request, SessionView);
}
