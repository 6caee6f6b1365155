import type { ConversationView } from '@textbank/contracts';
import type { ConversationChange } from './inbox-list';

/** How a texter wants to hear of a new reply while Textbank is open. */
export type ReplyAlertChoice = 'off' | 'sound' | 'sound-and-notification';

export const REPLY_ALERT_LABELS: Record<ReplyAlertChoice, string> = {
  off: 'Off',
  sound: 'A sound',
  'sound-and-notification': 'A sound and a notification (when Textbank is in the background)',
};

const STORAGE_KEY = 'textbank.replyAlerts';

/** Kept per browser: a texter on a shared laptop may want silence where they want sound at home. */
export function loadReplyAlertChoice(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ReplyAlertChoice {
  const stored = storage?.getItem(STORAGE_KEY);
  return stored === 'sound' || stored === 'sound-and-notification' ? stored : 'off';
}

export function saveReplyAlertChoice(choice: ReplyAlertChoice, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, choice);
}

/**
 * The reply a live change brings that this texter should hear about: a text
 * from the contact, in a conversation they hold, not a STOP (that closes it:
 * nothing to answer), and not one already announced (a replay after a
 * reconnect repeats the latest state).
 */
export function replyToAnnounce(change: ConversationChange, personId: string, announced: Set<string>): { conversation: ConversationView; body: string } | undefined {
  const message = change.message;
  if (!message || message.direction !== 'in' || message.kind === 'opt_out') return undefined;
  if (change.conversation.texterId !== personId || announced.has(message.messageId)) return undefined;
  announced.add(message.messageId);
  return { conversation: change.conversation, body: message.body };
}
