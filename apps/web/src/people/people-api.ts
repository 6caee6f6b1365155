import { CommandAccepted, PasswordResetLink, PeopleList, type ChangeEmailRequest, type ChangeRoleRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

export function fetchPeople(): Promise<ApiResult<PeopleList>> {
  return apiGet('/api/people', PeopleList);
}

/** 409 when the person moved past `expectedRevision`, or when it is your own role; 403 when only an owner may. */
export function changeRole(id: string, request: ChangeRoleRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PATCH', `/api/people/${encodeURIComponent(id)}/role`, request, CommandAccepted);
}

/** Ends every session of the person at once. */
export function suspendPerson(id: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/people/${encodeURIComponent(id)}/suspend`, undefined, CommandAccepted);
}

export function reinstatePerson(id: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/people/${encodeURIComponent(id)}/reinstate`, undefined, CommandAccepted);
}

/** A one-time link (a day) to set a new password, to pass on by hand. 409 for oneself or a suspended person; 403 for an admin on an owner. */
export function issuePasswordReset(id: string): Promise<ApiResult<PasswordResetLink>> {
  return apiSend('POST', `/api/people/${encodeURIComponent(id)}/password-reset`, undefined, PasswordResetLink);
}

/** Owners only. 409 on `email` when another member has it. */
export function changeEmail(id: string, request: ChangeEmailRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('PATCH', `/api/people/${encodeURIComponent(id)}/email`, request, CommandAccepted);
}

/** Owners only, for a member who never signed in (409 otherwise: suspend them instead). Their email is free again. */
export function removePerson(id: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('DELETE', `/api/people/${encodeURIComponent(id)}`, undefined, CommandAccepted);
}
