import { PasswordResetPreview, SessionView, type ResetPasswordRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

/** Public. 404 for an unknown link; 410 for one expired or already used (the message says which). */
export function fetchResetPreview(token: string): Promise<ApiResult<PasswordResetPreview>> {
  return apiGet(`/api/password-reset/${encodeURIComponent(token)}`, PasswordResetPreview);
}

/** Public. Sets the password, ends every other session of the person, and signs them in here (session cookie). */
export function resetPassword(token: string, request: ResetPasswordRequest): Promise<ApiResult<SessionView>> {
  return apiSend('POST', `/api/password-reset/${encodeURIComponent(token)}`, request, SessionView);
}
