import type { ConversationView } from '@textbank/contracts';
import { applyConversationChange, type ConversationChange } from '../inbox/inbox-list';
import { NOBODY, type ReviewFilter } from './review-filter';

/**
 * The texter whose live changes keep the list current, or null when none can:
 * changes are published per texter (`texter:<id>`), so "anyone" and "nobody"
 * would need every texter's topic; and whether a conversation has a failed
 * text with some error code is not in a change, so that filter waits for Refresh.
 */
export function liveTexter(filter: ReviewFilter): string | null {
  return filter.texterId && filter.texterId !== NOBODY && !filter.errorCode ? filter.texterId : null;
}

/** Whether a conversation has the tag and the survey answer the filter asks for (the API's rule; view and search are the inbox's). */
function hasTagAndAnswer(conversation: ConversationView, filter: ReviewFilter): boolean {
  if (filter.tagId && !conversation.tags.includes(filter.tagId)) return false;
  if (!filter.questionId || !filter.answerId) return true;
  return conversation.answers.some((given) => given.questionId === filter.questionId && given.answerId === filter.answerId);
}

/**
 * The list after one live change of the followed texter, as a reload would
 * show it: the inbox's rule (texter, view, search: to the top, or out), then
 * out again when it is another campaign's or lacks the tag or answer.
 */
export function applyReviewChange(list: readonly ConversationView[], change: ConversationChange, campaignId: string, filter: ReviewFilter): ConversationView[] {
  const next = applyConversationChange(list, change, { texterId: filter.texterId, view: filter.view, search: filter.search });
  const { conversation } = change;
  if (conversation.campaignId === campaignId && hasTagAndAnswer(conversation, filter)) return next;
  return next.filter((row) => row.contactId !== conversation.contactId);
}
