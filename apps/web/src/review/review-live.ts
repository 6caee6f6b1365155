import type { ConversationView } from '@textbank/contracts';
import { applyConversationChange, type ConversationChange } from '../inbox/inbox-list';
import { NOBODY, type ReviewFilter } from './review-filter';

/**
 * What keeps the list current live, or null when nothing can: one chosen
 * texter's changes (`texter:<id>`), else every change of the campaign
 * (`review:<campaignId>`: anyone, or nobody's). Whether a conversation has a
 * failed text with some error code is not in a change, so that filter waits
 * for Refresh.
 */
export function liveTopic(filter: ReviewFilter, campaignId: string): `texter:${string}` | `review:${string}` | null {
  if (filter.errorCode) return null;
  return filter.texterId && filter.texterId !== NOBODY ? `texter:${filter.texterId}` : `review:${campaignId}`;
}

/** Who the filter wants holding a conversation, as the inbox's rule compares it: anyone (whoever holds this one), nobody, or a person. */
function wantedTexter(filter: ReviewFilter, conversation: ConversationView): string | null {
  if (filter.texterId === '') return conversation.texterId;
  return filter.texterId === NOBODY ? null : filter.texterId;
}

/** Whether a conversation has the tag and the survey answer the filter asks for (the API's rule; view and search are the inbox's). */
function hasTagAndAnswer(conversation: ConversationView, filter: ReviewFilter): boolean {
  if (filter.tagId && !conversation.tags.includes(filter.tagId)) return false;
  if (!filter.questionId || !filter.answerId) return true;
  return conversation.answers.some((given) => given.questionId === filter.questionId && given.answerId === filter.answerId);
}

/**
 * The list after one live change, as a reload would
 * show it: the inbox's rule (texter, view, search: to the top, or out), then
 * out again when it is another campaign's or lacks the tag or answer.
 */
export function applyReviewChange(list: readonly ConversationView[], change: ConversationChange, campaignId: string, filter: ReviewFilter): ConversationView[] {
  const next = applyConversationChange(list, change, { texterId: wantedTexter(filter, change.conversation), view: filter.view, search: filter.search });
  const { conversation } = change;
  if (conversation.campaignId === campaignId && hasTagAndAnswer(conversation, filter)) return next;
  return next.filter((row) => row.contactId !== conversation.contactId);
}
