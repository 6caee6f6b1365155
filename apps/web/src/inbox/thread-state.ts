import type { ConversationView, MessageView, Role, Topic } from '@textbank/contracts';
import type { ConversationChange } from './inbox-list';

export interface Thread {
  conversation: ConversationView;
  messages: MessageView[];
}

/**
 * A thread after one live change about its contact: the conversation's new
 * state, and the message added or moved on (queued → dispatched → delivered)
 * in its place; changes about other contacts leave it as it was.
 */
export function applyToThread(thread: Thread, change: ConversationChange): Thread {
  if (change.conversation.contactId !== thread.conversation.contactId) return thread;
  const message = change.message;
  if (!message) return { ...thread, conversation: change.conversation };
  const at = thread.messages.findIndex((known) => known.messageId === message.messageId);
  const messages = at === -1 ? [...thread.messages, message] : thread.messages.map((known, index) => (index === at ? message : known));
  return { conversation: change.conversation, messages };
}

/** How each status of an outbound text reads next to it. */
const OUTBOUND_STATUS: Record<string, string> = {
  queued: 'Queued',
  dispatched: 'Sent to the carrier',
  sent: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Not delivered',
  failed: 'Failed',
  not_sent: 'Not sent',
};

/** A message's status in words, with the carrier's error code when there is one ("Failed (30006)"). */
export function messageStatus(message: MessageView): string {
  if (message.direction === 'in') return message.kind === 'opt_out' ? 'Received · asked to stop' : message.kind === 'opt_in' ? 'Received · opted back in' : 'Received';
  const words = OUTBOUND_STATUS[message.status] ?? message.status;
  return message.errorCode ? `${words} (${message.errorCode})` : words;
}

/** Whether the status is a failure the texter should see in red. */
export function messageFailed(message: MessageView): boolean {
  return message.direction === 'out' && ['undelivered', 'failed', 'not_sent'].includes(message.status);
}

/** Who may answer here: the conversation's texter, while the contact has not opted out. */
export function mayReply(conversation: ConversationView, personId: string): boolean {
  return conversation.texterId === personId && conversation.status !== 'opted_out';
}

/**
 * What a thread follows: my own conversations (a texter hears every change to
 * theirs, and hears it leave when reassigned); staff and auditors reading
 * someone else's thread follow its owner too, which the server allows them.
 */
export function threadTopics(ownerId: string | null, personId: string, role: Role): Topic[] {
  const mine: Topic = `texter:${personId}`;
  const readsOthers = role === 'owner' || role === 'admin' || role === 'auditor';
  return ownerId && ownerId !== personId && readsOthers ? [mine, `texter:${ownerId}`] : [mine];
}
