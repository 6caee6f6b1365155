import { CommandAccepted, PeopleList, type ChangeRoleRequest } from '@textbank/contracts';
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
