import { MessageView } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult, type ResponseSchema } from '../api/api-client';

/** A text as the pretend phone saw it, with the conversation it belongs to. */
export type PhoneMessage = MessageView & { campaignId: string; contactId: string };

export interface PhoneMessages {
  phone: string;
  messages: PhoneMessage[];
  /** The read models' position: follow from here. */
  position: string;
}

export interface PhoneReplyAnswer {
  providerMessageId: string;
  contactId: string | null;
}

// The contracts have no schema for the sandbox's answers (a test tool): each message is checked with MessageView, the rest by hand.
const PhoneMessagesAnswer: ResponseSchema<PhoneMessages> = {
  safeParse(input) {
    const value = input as { phone?: unknown; messages?: unknown; position?: unknown } | null;
    if (typeof value?.phone !== 'string' || !Array.isArray(value.messages) || typeof value.position !== 'string') return { success: false, error: { message: 'expected { phone, messages, position }' } };
    const messages: PhoneMessage[] = [];
    for (const raw of value.messages as Array<Record<string, unknown>>) {
      const message = MessageView.safeParse(raw);
      if (!message.success || typeof raw['campaignId'] !== 'string' || typeof raw['contactId'] !== 'string') return { success: false, error: { message: 'a message is not a MessageView with campaignId and contactId' } };
      messages.push({ ...message.data, campaignId: raw['campaignId'], contactId: raw['contactId'] });
    }
    return { success: true, data: { phone: value.phone, messages, position: value.position } };
  },
};

const PhoneReplyAnswerSchema: ResponseSchema<PhoneReplyAnswer> = {
  safeParse(input) {
    const value = input as Partial<PhoneReplyAnswer> | null;
    return typeof value?.providerMessageId === 'string'
      ? { success: true, data: { providerMessageId: value.providerMessageId, contactId: typeof value.contactId === 'string' ? value.contactId : null } }
      : { success: false, error: { message: 'expected { providerMessageId, contactId }' } };
  },
};

/** Every text sent to or from the number, oldest first. 404 unless the server runs the sandbox provider; 400 for a number that is not one. */
export function fetchPhoneMessages(phone: string): Promise<ApiResult<PhoneMessages>> {
  return apiGet(`/api/sandbox/phone/${encodeURIComponent(phone.trim())}/messages`, PhoneMessagesAnswer);
}

/** The number texts back, through the same path a carrier's webhook takes (STOP opts it out). */
export function replyFromPhone(from: string, body: string): Promise<ApiResult<PhoneReplyAnswer>> {
  return apiSend('POST', '/api/sandbox/phone/reply', { from: from.trim(), body }, PhoneReplyAnswerSchema);
}
