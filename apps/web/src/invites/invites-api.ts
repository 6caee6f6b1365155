import { CommandAccepted, InviteCreated, InviteLink, InviteList, type CreateInviteRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

export function fetchInvites(): Promise<ApiResult<InviteList>> {
  return apiGet('/api/invites', InviteList);
}

/** The answer holds the link's token; a named invite's is shown only now (the server keeps a hash). */
export function createInvite(request: CreateInviteRequest): Promise<ApiResult<InviteCreated>> {
  return apiSend('POST', '/api/invites', request, InviteCreated);
}

export function revokeInvite(id: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('DELETE', `/api/invites/${encodeURIComponent(id)}`, undefined, CommandAccepted);
}

/** An open volunteer link again (its token is kept so it can be shown all night). 404 for named invites and closed links. */
export function fetchInviteLink(id: string): Promise<ApiResult<InviteLink>> {
  return apiGet(`/api/invites/${encodeURIComponent(id)}/link`, InviteLink);
}

/** A new secret for an open invite: the old link stops working at once. 410 for revoked or expired invites. */
export function renewInvite(id: string): Promise<ApiResult<InviteCreated>> {
  return apiSend('POST', `/api/invites/${encodeURIComponent(id)}/renew`, undefined, InviteCreated);
}
