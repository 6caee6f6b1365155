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
  unknown: 'Outcome unknown: being checked with the carrier',
  undecided: 'Outcome unknown: an admin decides',
};

/** Why a text the product held back was not sent (MessageNotSent's reason, in place of an error code). */
const NOT_SENT_REASON: Record<string, string> = {
  opted_out: 'the number opted out',
  campaign_not_active: 'the campaign was paused',
  expired: "the contact's texting hours ended while it waited",
  not_at_provider: 'it never reached the carrier',
  ambiguous: 'the outcome is unknown',
};

/** A message's status in words, with the carrier's error code when there is one ("Failed (30006)"). */
export function messageStatus(message: MessageView): string {
  if (message.direction === 'in') return message.kind === 'opt_out' ? 'Received · asked to stop' : message.kind === 'opt_in' ? 'Received · opted back in' : 'Received';
  const words = OUTBOUND_STATUS[message.status] ?? message.status;
  const reason = message.status === 'not_sent' && message.errorCode ? NOT_SENT_REASON[message.errorCode] : undefined;
  if (reason) return `${words}: ${reason}`;
  return message.errorCode ? `${words} (${message.errorCode})` : words;
}

/** Why the carrier says a number cannot take texts, in words. */
const UNREACHABLE_REASON: Record<string, string> = {
  invalid_number: 'the number is not valid',
  not_mobile: 'the number is not a mobile',
  unreachable: 'the handset is unreachable',
  unknown_handset: 'the carrier does not know the handset',
  landline: 'the number is a landline',
};

/** The note beside an unreachable contact's thread ("The carrier says the number is a landline"). */
export function unreachableNote(reason: string): string {
  return `The carrier says ${UNREACHABLE_REASON[reason] ?? `the number cannot take texts (${reason})`}: texts to it will not arrive.`;
}

/** Whether the status is a failure the texter should see in red. */
export function messageFailed(message: MessageView): boolean {
  return message.direction === 'out' && ['undelivered', 'failed', 'not_sent', 'unknown', 'undecided'].includes(message.status);
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
