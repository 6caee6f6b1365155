import type { ConversationStatus, ConversationView, InboxView } from '@textbank/contracts';

export type { InboxView };

/** In the order the inbox shows them: what needs an answer first. */
export const INBOX_VIEWS: readonly InboxView[] = ['needs_reply', 'needs_first_text', 'all', 'closed'];

/** Message review offers every view. */
export const REVIEW_VIEWS: readonly InboxView[] = ['all', 'needs_reply', 'needs_first_text', 'waiting', 'closed', 'opted_out'];

export const VIEW_LABELS: Record<InboxView, string> = {
  needs_reply: 'Needs reply',
  needs_first_text: 'Needs first text',
  waiting: 'Waiting for them',
  all: 'All',
  closed: 'Closed',
  opted_out: 'Opted out',
};

/** The statuses each view lists: the same table the API filters with (GET /api/conversations?view=…). */
const VIEW_STATUSES: Record<InboxView, readonly ConversationStatus[]> = {
  needs_reply: ['needs_reply'],
  needs_first_text: ['needs_first_text'],
  waiting: ['waiting'],
  all: ['needs_first_text', 'waiting', 'needs_reply', 'closed', 'opted_out'],
  closed: ['closed', 'opted_out'],
  opted_out: ['opted_out'],
};

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  needs_first_text: 'Needs first text',
  waiting: 'Waiting for them',
  needs_reply: 'Needs reply',
  closed: 'Closed',
  opted_out: 'Opted out',
};

/**
 * Whether a conversation belongs in a view and search, as the API would
 * answer: the search finds any part of "first last" or of the phone number,
 * ignoring case (SQLite's LIKE), so a live change lands where a reload would put it.
 */
export function inView(conversation: ConversationView, view: InboxView, search: string): boolean {
  if (!VIEW_STATUSES[view].includes(conversation.status)) return false;
  const wanted = search.trim().toLowerCase();
  if (wanted === '') return true;
  const name = `${conversation.firstName} ${conversation.lastName}`.toLowerCase();
  return name.includes(wanted) || conversation.phone.toLowerCase().includes(wanted);
}
