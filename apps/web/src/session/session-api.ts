import {
  SessionView,
  SetupStatus,
  type SetupOrganizationRequest,
  type SignInRequest,
} from '@textbank/contracts';
import { apiGet, apiSend, apiSendNoContent, type ApiResult } from '../api/api-client';

export function fetchSetupStatus(): Promise<ApiResult<SetupStatus>> {
  return apiGet('/api/setup', SetupStatus);
}

/** 201 with a session cookie: the owner is signed in straight away. */
export function setUpOrganization(request: SetupOrganizationRequest): Promise<ApiResult<SessionView>> {
  return apiSend('POST', '/api/setup', request, SessionView);
}

export function fetchSession(): Promise<ApiResult<SessionView>> {
  return apiGet('/api/session', SessionView);
}

export function signIn(request: SignInRequest): Promise<ApiResult<SessionView>> {
  return apiSend('POST', '/api/session', request, SessionView);
}

export function signOut(): Promise<ApiResult<undefined>> {
  return apiSendNoContent('DELETE', '/api/session');
}
