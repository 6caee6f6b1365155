import type { MessageView, Topic } from '@textbank/contracts';

/** A sync follows at most ten topics (SyncRequest). */
const MAX_TOPICS = 10;

/** The texters who wrote to a number, as live topics, most recent first: their changes include this number's texts. */
export function textersOf(messages: readonly Pick<MessageView, 'texterId'>[]): Topic[] {
  const texters: string[] = [];
  for (const message of [...messages].reverse()) {
    if (message.texterId && !texters.includes(message.texterId)) texters.push(message.texterId);
  }
  return texters.slice(0, MAX_TOPICS).map((id): Topic => `texter:${id}`);
}
