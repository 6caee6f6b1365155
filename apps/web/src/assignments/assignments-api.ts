import { AssignmentSummary, CommandAccepted, MoveConversationsResult, type MoveConversationsRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';

const base = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/assignments`;

/** The pool (contacts nobody holds) and each texter's load. */
export function fetchAssignments(campaignId: string): Promise<ApiResult<AssignmentSummary>> {
  return apiGet(base(campaignId), AssignmentSummary);
}

export function assignContacts(campaignId: string, texterId: string, count: number): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `${base(campaignId)}/assign`, { texterId, count }, CommandAccepted);
}

/** Returns a texter's untexted contacts to the pool. */
export function releaseTexter(campaignId: string, texterId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `${base(campaignId)}/release`, { texterId }, CommandAccepted);
}

export function reassignContacts(campaignId: string, contactIds: string[], toTexterId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `${base(campaignId)}/reassign`, { contactIds, toTexterId }, CommandAccepted);
}

/**
 * Moves one texter's conversations chosen by status (and tag) to another
 * texter, or to nobody (null: untexted ones back to the pool, texted ones to
 * the admin queue). `preview: true` only counts them (`matched`). 403 for
 * non-staff; 404 with an issue on `toTexterId` when that is not an active texter.
 */
export function moveConversations(campaignId: string, request: MoveConversationsRequest): Promise<ApiResult<MoveConversationsResult>> {
  return apiSend('POST', `${base(campaignId)}/move`, request, MoveConversationsResult);
}
