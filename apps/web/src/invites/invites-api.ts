import { CommandAccepted, InviteCreated, InviteList, type CreateInviteRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

export function fetchInvites(): Promise<ApiResult<InviteList>> {
  return apiGet('/api/invites', InviteList);
}

/** The answer holds the link's token: the only time anyone sees it (the server keeps a hash). */
export function createInvite(request: CreateInviteRequest): Promise<ApiResult<InviteCreated>> {
  return apiSend('POST', '/api/invites', request, InviteCreated);
}

export function revokeInvite(id: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('DELETE', `/api/invites/${encodeURIComponent(id)}`, undefined, CommandAccepted);
}
