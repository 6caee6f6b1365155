import { z } from 'zod';
import { CampaignStatus, TextingHours } from './campaign.js';
import { CannedResponseView } from './scripts.js';
import { SurveyQuestion } from './survey.js';
import { TagView } from './tags.js';
import { CommandAccepted } from './command-result.js';

/** Where a conversation stands for its texter: the inbox views are these. */
export const ConversationStatus = z.enum(['needs_first_text', 'waiting', 'needs_reply', 'closed', 'opted_out']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const MessageView = z.object({
  messageId: z.string(),
  direction: z.enum(['out', 'in']),
  body: z.string(),
  /** out: queued, dispatched, sent, delivered, undelivered, failed, not_sent; in: received. */
  status: z.string(),
  errorCode: z.string().nullable(),
  texterId: z.string().nullable(),
  at: z.string(),
  /** in: the keyword check's verdict (opt_out, opt_in, possible_opt_out, message). */
  kind: z.string().nullable(),
});
export type MessageView = z.infer<typeof MessageView>;

export const ConversationView = z.object({
  contactId: z.string(),
  campaignId: z.string(),
  texterId: z.string().nullable(),
  status: ConversationStatus,
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  timeZone: z.string().nullable(),
  lastMessage: MessageView.nullable(),
  /** A free-text revocation ("remove me") the texter should act on. */
  possibleOptOut: z.string().nullable(),
  /** Why the carrier says the number cannot take texts (invalid_number, not_mobile, unreachable, unknown_handset, landline), or null. */
  unreachable: z.string().nullable(),
  /** Tags on the conversation (ids of the organization's tags). */
  tags: z.array(z.string()),
  /** Survey answers recorded, one per question. */
  answers: z.array(z.object({ questionId: z.string(), answerId: z.string() })),
  updatedAt: z.string(),
});
export type ConversationView = z.infer<typeof ConversationView>;

export const ConversationPage = z.object({ conversations: z.array(ConversationView), total: z.number(), position: z.string() });
export type ConversationPage = z.infer<typeof ConversationPage>;

export const InboxView = z.enum(['needs_reply', 'needs_first_text', 'waiting', 'closed', 'opted_out', 'all']);
export type InboxView = z.infer<typeof InboxView>;

/** Inbox and message review. `closed`: closed or opted out; the filters narrow further (message review's tag, answer and error code). */
export const InboxQuery = z.object({
  view: InboxView.default('all'),
  search: z.string().max(100).optional(),
  tagId: z.string().max(100).optional(),
  /** Conversations whose answer to `questionId` is `answerId` (both needed). */
  questionId: z.string().max(40).optional(),
  answerId: z.string().max(40).optional(),
  /** Conversations with a message that failed with this code (a carrier's, or a reason like opted_out). */
  errorCode: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const ThreadView = z.object({ conversation: ConversationView, messages: z.array(MessageView), position: z.string() });
export type ThreadView = z.infer<typeof ThreadView>;

export const RequestContactsRequest = z.strictObject({ count: z.number().int().min(1).max(1000) });
export type RequestContactsRequest = z.infer<typeof RequestContactsRequest>;

/** `readable`: whether the read models had the hand-out when it was answered (it is not held for them; GET texting/next reads the texting stream). */
export const RequestContactsResult = z.object({ assigned: z.number(), position: z.string(), readable: z.boolean() });
export type RequestContactsResult = z.infer<typeof RequestContactsResult>;

/** The next contact to text: the message rendered for them, and whether their hours are open now. */
export const NextContact = z.object({
  contactId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  timeZone: z.string().nullable(),
  body: z.string(),
  segments: z.number(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  variantId: z.string(),
  scriptVersion: z.number(),
  windowOpen: z.boolean(),
  /** Contacts this texter still has to text, this one included. */
  remaining: z.number(),
});
export type NextContact = z.infer<typeof NextContact>;

export const NextContactReply = z.object({ next: NextContact.nullable(), position: z.string() });
export type NextContactReply = z.infer<typeof NextContactReply>;

/** One press of Send; the gesture id is the Idempotency-Key (a retry of the same press sends once). */
export const SendInitialRequest = z.strictObject({ contactId: z.string().min(1).max(100) });
export type SendInitialRequest = z.infer<typeof SendInitialRequest>;

export const SendReplyRequest = z.strictObject({ body: z.string().min(1).max(1600), cannedResponseId: z.string().max(100).optional() });
export type SendReplyRequest = z.infer<typeof SendReplyRequest>;

/**
 * A texter opts the contact out by hand ("remove me", "wrong number").
 * `confirmation`: the text that tells them so, sent once and only if this
 * opts the number out (a STOP already got the carrier's own confirmation).
 */
export const OptOutConversationRequest = z.strictObject({ confirmation: z.string().trim().min(1).max(320).optional() });
export type OptOutConversationRequest = z.infer<typeof OptOutConversationRequest>;
/** What the app offers as the confirmation; the texter may edit it. */
export const DEFAULT_OPT_OUT_CONFIRMATION = "Understood: you won't get more texts from us. Reply START if you change your mind.";
/** Whether the confirmation will go out (false: none asked, or the number was already opted out). */
export const OptOutConversationResult = CommandAccepted.extend({ confirmationSent: z.boolean() });
export type OptOutConversationResult = z.infer<typeof OptOutConversationResult>;

export const AssignRequest = z.strictObject({ texterId: z.string().min(1).max(100), count: z.number().int().min(1).max(10_000) });
export const UnassignRequest = z.strictObject({ contactIds: z.array(z.string().min(1).max(100)).min(1).max(10_000) });
export const ReleaseRequest = z.strictObject({ texterId: z.string().min(1).max(100) });
export const ReassignRequest = z.strictObject({ contactIds: z.array(z.string().min(1).max(100)).min(1).max(10_000), toTexterId: z.string().min(1).max(100) });

/**
 * Move one texter's conversations, chosen by status and tag, to another
 * texter (`toTexterId`) or back to nobody (null: never-texted ones return to
 * the pool, the others wait in the admin queue). `preview`: only count them.
 */
export const MoveConversationsRequest = z.strictObject({
  fromTexterId: z.string().min(1).max(100),
  view: InboxView.default('all'),
  tagId: z.string().max(100).optional(),
  toTexterId: z.string().min(1).max(100).nullable(),
  preview: z.boolean().default(false),
});
export type MoveConversationsRequest = z.infer<typeof MoveConversationsRequest>;
export const MoveConversationsResult = z.object({ matched: z.number(), moved: z.number(), position: z.string() });
export type MoveConversationsResult = z.infer<typeof MoveConversationsResult>;

/** Put a tag on (applied: true) or take it off. */
export const TagConversationRequest = z.strictObject({ tagId: z.string().min(1).max(100), applied: z.boolean() });
export type TagConversationRequest = z.infer<typeof TagConversationRequest>;

/** Record an answer to a survey question, or take it back (answerId null). */
export const RecordAnswerRequest = z.strictObject({ questionId: z.string().min(1).max(40), answerId: z.string().min(1).max(40).nullable() });
export type RecordAnswerRequest = z.infer<typeof RecordAnswerRequest>;

/**
 * What a texter needs beside a conversation, for a campaign they text in:
 * its name and hours, canned responses, the survey and the tags it offers.
 */
export const TextingKit = z.object({
  campaignId: z.string(),
  name: z.string(),
  status: CampaignStatus,
  textingHours: TextingHours,
  responses: z.array(CannedResponseView),
  survey: z.object({ version: z.number(), questions: z.array(SurveyQuestion) }),
  tags: z.array(TagView),
  position: z.string(),
});
export type TextingKit = z.infer<typeof TextingKit>;

export const TexterLoad = z.object({ texterId: z.string(), name: z.string(), needsFirstText: z.number(), needsReply: z.number(), waiting: z.number(), closed: z.number(), optedOut: z.number() });
export const AssignmentSummary = z.object({ unassigned: z.number(), texters: z.array(TexterLoad), position: z.string() });
export type AssignmentSummary = z.infer<typeof AssignmentSummary>;

/** Pushed to `texter:<personId>` (the texter and admins) whenever one of their conversations changes. */
export const ConversationChangedChange = z.object({
  kind: z.literal('conversation.changed'),
  /** Sent to each texter concerned (the owner, and the owner before a move) and once to the campaign's message review. */
  topic: z.union([z.templateLiteral(['texter:', z.string()]), z.templateLiteral(['review:', z.string()])]),
  position: z.string(),
  payload: z.object({ conversation: ConversationView, message: MessageView.nullable(), previousTexterId: z.string().nullable() }),
});

/** `texting:send` over the socket: one press of Send; the ack is the answer. */
export const SocketSend = z.strictObject({ campaignId: z.uuid(), contactId: z.string().min(1).max(100), gestureId: z.uuid() });
export type SocketSend = z.infer<typeof SocketSend>;
/** Accepted: the message id, its position, and the next contact to show (null: none left), so the texter needs no GET texting/next. */
export type SocketSendReply = { ok: true; id: string; position: string; readable: boolean; next: NextContact | null } | { ok: false; status: number; message: string };
