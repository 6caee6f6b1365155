import type { ApiError, PasswordResetPreview } from '@textbank/contracts';
import type { ApiResult } from '../api/api-client';

/**
 * What the reset page shows. `unusable`: the link will never work (unknown,
 * expired, used), so there is no form, only the server's words.
 * `unreachable`: the server could not be asked; trying again may help.
 */
export type ResetState =
  | { phase: 'loading' }
  | { phase: 'ready'; preview: PasswordResetPreview }
  | { phase: 'unusable'; message: string }
  | { phase: 'unreachable'; message: string };

export const INCOMPLETE_RESET_LINK = 'This reset link is incomplete. Ask whoever sent it for the whole link.';

export function resetStateFrom(result: ApiResult<PasswordResetPreview>): ResetState {
  if (result.ok) return { phase: 'ready', preview: result.value };
  return isUnusableReset(result.error)
    ? { phase: 'unusable', message: result.error.message || 'This reset link cannot be used.' }
    : { phase: 'unreachable', message: result.error.message };
}

/** 404: no such link; 410: expired, already used, or the person can no longer sign in. */
export function isUnusableReset(error: ApiError): boolean {
  return error.statusCode === 404 || error.statusCode === 410;
}
