import type { ApiError, InvitePreview } from '@textbank/contracts';
import type { ApiResult } from '../api/api-client';

/**
 * What the join page shows. `unusable`: the link will never work (unknown,
 * expired, revoked, used up), so there is no form, only the server's words.
 * `unreachable`: the server could not be asked; trying again may help.
 */
export type JoinState =
  | { phase: 'loading' }
  | { phase: 'ready'; preview: InvitePreview }
  | { phase: 'unusable'; message: string }
  | { phase: 'unreachable'; message: string };

export const INCOMPLETE_LINK = 'This invite link is incomplete. Ask whoever sent it for the whole link.';

export function joinStateFrom(result: ApiResult<InvitePreview>): JoinState {
  if (result.ok) return { phase: 'ready', preview: result.value };
  return isUnusable(result.error)
    ? { phase: 'unusable', message: result.error.message || 'This invite link cannot be used.' }
    : { phase: 'unreachable', message: result.error.message };
}

/** 404: no such link; 410: it was one, and is no more. Both on preview and on join. */
export function isUnusable(error: ApiError): boolean {
  return error.statusCode === 404 || error.statusCode === 410;
}
