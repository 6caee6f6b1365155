import type { DomainEvent } from '../shared/decider.js';

/**
 * One stream per contact, `conversation-<contactId>`: what happened to the
 * texts after a texter pressed Send, the replies, and the texter's answers.
 * Ownership is decided in the campaign's texting stream (texting-events.ts);
 * a reply or answer checks it there just before it is recorded here.
 */

/** The provider took the message (not yet delivered). */
export type MessageDispatched = DomainEvent<
  'MessageDispatched',
  { contactId: string; campaignId: string; messageId: string; providerMessageId: string; from: string; dispatchedAt: string }
>;

/**
 * The message was not sent. `reason`: the provider refused it (errorCode is
 * the provider's), the number opted out or the campaign stopped while it was
 * queued (checked just before dispatch), or the outcome is unknown
 * (`ambiguous`: the process died between asking the provider and hearing
 * back; never re-sent blindly).
 */
export type MessageNotSent = DomainEvent<
  'MessageNotSent',
  {
    contactId: string;
    campaignId: string;
    messageId: string;
    reason: 'provider_refused' | 'opted_out' | 'campaign_not_active' | 'ambiguous';
    errorCode?: string;
    detail: string;
    at: string;
  }
>;

export type DeliveryState = 'sent' | 'delivered' | 'undelivered' | 'failed';

/** A carrier status for a dispatched message; repeats and late arrivals are dropped by the decider. */
export type MessageDeliveryUpdated = DomainEvent<
  'MessageDeliveryUpdated',
  { contactId: string; campaignId: string; messageId: string; status: DeliveryState; errorCode?: string; at: string }
>;

export type InboundKind = 'opt_out' | 'opt_in' | 'possible_opt_out' | 'message';

/** A text from the contact. `kind` is the keyword check's verdict (opt-out-keywords.ts); `phrase` what a possible opt-out matched. */
export type ReplyReceived = DomainEvent<
  'ReplyReceived',
  { contactId: string; campaignId: string; providerMessageId: string; from: string; to: string; body: string; kind: InboundKind; phrase?: string; receivedAt: string }
>;

/**
 * The owner answered (canned response or own words). `optOutConfirmation`:
 * the one text telling a contact opted out by hand that nothing more comes;
 * the dispatcher sends it although the number is on the opt-out list.
 */
export type ReplySent = DomainEvent<
  'ReplySent',
  {
    contactId: string;
    campaignId: string;
    texterId: string;
    messageId: string;
    to: string;
    body: string;
    segments: number;
    encoding: 'GSM-7' | 'UCS-2';
    cannedResponseId?: string;
    optOutConfirmation?: true;
    sentAt: string;
  }
>;

/**
 * What the contact answered to a survey question, as the texter (or staff)
 * recorded it; `previousAnswerId` when it replaces an earlier answer to the
 * same question. `surveyVersion`: the version the question was read in.
 */
export type SurveyAnswerRecorded = DomainEvent<
  'SurveyAnswerRecorded',
  { contactId: string; campaignId: string; questionId: string; answerId: string; previousAnswerId?: string; surveyVersion: number; by: string; recordedAt: string }
>;

/** An answer taken back (recorded by mistake). */
export type SurveyAnswerCleared = DomainEvent<'SurveyAnswerCleared', { contactId: string; campaignId: string; questionId: string; answerId: string; by: string; clearedAt: string }>;

/** A tag (one the campaign offers) put on the conversation by hand or by a survey answer (`answerId`). */
export type ConversationTagged = DomainEvent<'ConversationTagged', { contactId: string; campaignId: string; tagId: string; answerId?: string; by: string; taggedAt: string }>;

export type ConversationUntagged = DomainEvent<'ConversationUntagged', { contactId: string; campaignId: string; tagId: string; by: string; untaggedAt: string }>;

/** Nothing more to say ("Thanks!"): off the needs-reply list until the contact writes again. */
export type ConversationClosed = DomainEvent<'ConversationClosed', { contactId: string; campaignId: string; by: string; closedAt: string }>;

export type ConversationEvent =
  | MessageDispatched
  | MessageNotSent
  | MessageDeliveryUpdated
  | ReplyReceived
  | ReplySent
  | SurveyAnswerRecorded
  | SurveyAnswerCleared
  | ConversationTagged
  | ConversationUntagged
  | ConversationClosed;

export const conversationStream = (contactId: string) => `conversation-${contactId}`;
