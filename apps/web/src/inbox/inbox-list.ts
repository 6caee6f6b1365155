import type { Change, ConversationView } from '@textbank/contracts';
import { inView, type InboxView } from './inbox-views';

/** What a `conversation.changed` change carries (ConversationChangedChange): the conversation as it is now, the message that changed, who held it before a move. */
export type ConversationChange = Extract<Change, { kind: 'conversation.changed' }>['payload'];

/** Whose inbox, and which part of it, a screen shows. */
export interface InboxFilter {
  /** null: nobody's (message review's admin queue). */
  texterId: string | null;
  view: InboxView;
  search: string;
}

/**
 * The list after one live change, newest change first as the API orders it:
 * a conversation that is (still) the texter's and fits the view moves to the
 * top with its new state; one that moved to someone else, or left the view
 * (answered, opted out), leaves the list.
 */
export function applyConversationChange(list: readonly ConversationView[], change: ConversationChange, filter: InboxFilter): ConversationView[] {
  const { conversation } = change;
  const others = list.filter((row) => row.contactId !== conversation.contactId);
  const belongs = conversation.texterId === filter.texterId && inView(conversation, filter.view, filter.search);
  return belongs ? [conversation, ...others] : others;
}

/** A short line for the list: the newest message, or what the conversation is waiting for. */
export function lastLine(conversation: ConversationView): string {
  const last = conversation.lastMessage;
  if (!last) return 'Not texted yet';
  const text = last.body.replace(/\s+/g, ' ').trim();
  return last.direction === 'in' ? text : `You: ${text}`;
}
