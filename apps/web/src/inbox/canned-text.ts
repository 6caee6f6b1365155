import type { ConversationView } from '@textbank/contracts';
import { mergeValues, renderScript, type RenderedScript } from '@textbank/message-text';

/**
 * A canned response as this contact would get it, to edit before sending:
 * names filled in as the server fills a script. The conversation carries no
 * custom fields, so those come out empty and are listed for the texter to check.
 */
export function cannedText(body: string, conversation: Pick<ConversationView, 'firstName' | 'lastName'>, texterName: string): RenderedScript {
  const texterFirstName = texterName.trim().split(/\s+/)[0] ?? '';
  return renderScript(body, mergeValues({ firstName: conversation.firstName, lastName: conversation.lastName }, { firstName: texterFirstName }));
}
