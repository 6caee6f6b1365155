import type { DomainEvent } from '../shared/decider.js';

/**
 * One stream per contact, `conversation-<contactId>`: what happened to the
 * texts after a texter pressed Send, the replies, and the texter's answers.
 * Ownership is decided in the campaign's texting stream (texting-events.ts);
 * a reply or answer checks it there just before it is recorded here.
 */

/**
 * The provider took the message (not yet delivered). `reconciled`: learned by
 * asking the provider afterwards, because the answer to the send never came
 * (see MessageOutcomeUnknown).
 */
export type MessageDispatched = DomainEvent<
  'MessageDispatched',
  { contactId: string; campaignId: string; messageId: string; providerMessageId: string; from: string; reconciled?: true; dispatchedAt: string }
>;

/**
 * The message was not sent. `reason`: the provider refused it (errorCode is
 * the provider's), the number opted out or the campaign stopped while it was
 * queued (checked just before dispatch), the contact's texting window closed
 * while it waited for the sender's pace (`expired`), or the provider was asked
 * after an unknown outcome and has no such message (`not_at_provider`: it
 * never got there; not re-sent automatically). `ambiguous` is only in logs
 * written before reconciliation existed (v1 of the dispatcher: the process died
 * between asking the provider and hearing back).
 */
export type MessageNotSent = DomainEvent<
  'MessageNotSent',
  {
    contactId: string;
    campaignId: string;
    messageId: string;
    reason: 'provider_refused' | 'opted_out' | 'campaign_not_active' | 'expired' | 'not_at_provider' | 'ambiguous';
    errorCode?: string;
    detail: string;
    at: string;
  }
>;

/**
 * The provider was asked and no answer came back (a timeout after the request
 * left, a dropped connection, a crash between asking and recording): the
 * message may or may not be at the provider. It is never re-sent; the
 * dispatcher reconciles it by asking the provider (`MessageDispatched` with
 * `reconciled`, `MessageNotSent` `not_at_provider`, or `MessageOutcomeUndecided`).
 */
export type MessageOutcomeUnknown = DomainEvent<
  'MessageOutcomeUnknown',
  { contactId: string; campaignId: string; messageId: string; attemptedAt: string; detail: string; at: string }
>;

/**
 * Reconciliation could not tell whether the provider has the message (it
 * could not be asked, or more than one message matched): an admin decides;
 * it is never retried. Listed at GET /api/dispatch/undecided.
 */
export type MessageOutcomeUndecided = DomainEvent<
  'MessageOutcomeUndecided',
  { contactId: string; campaignId: string; messageId: string; detail: string; at: string }
>;

/**
 * The carrier says this number cannot take texts (Twilio 21211 invalid,
 * 21614 not mobile, 30003 unreachable, 30005 unknown, 30006 landline):
 * recorded once per conversation; texters see it beside the thread.
 */
export type ContactMarkedUnreachable = DomainEvent<
  'ContactMarkedUnreachable',
  { contactId: string; campaignId: string; messageId: string; errorCode: string; reason: string; at: string }
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
  | MessageOutcomeUnknown
  | MessageOutcomeUndecided
  | ContactMarkedUnreachable
  | ReplyReceived
  | ReplySent
  | SurveyAnswerRecorded
  | SurveyAnswerCleared
  | ConversationTagged
  | ConversationUntagged
  | ConversationClosed;

export const conversationStream = (contactId: string) => `conversation-${contactId}`;
