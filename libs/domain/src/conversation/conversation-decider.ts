import type { CampaignStanding } from '../script/script-text-rules.js';
import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import type { SurveyQuestion } from '../survey/survey-events.js';
import type { ConversationEvent, ConversationTagged, DeliveryState, InboundKind, MessageNotSent, SurveyAnswerRecorded } from './conversation-events.js';

/** What the dispatcher learned from the provider (or from its checks just before asking). */
export type DispatchOutcome =
  | { readonly kind: 'dispatched'; readonly providerMessageId: string; readonly from: string; readonly reconciled?: true }
  | { readonly kind: 'not_sent'; readonly reason: MessageNotSent['data']['reason']; readonly errorCode?: string; readonly detail: string }
  | { readonly kind: 'unknown'; readonly attemptedAt: string; readonly detail: string }
  | { readonly kind: 'undecided'; readonly detail: string };

export interface RecordDispatch {
  readonly type: 'RecordDispatch';
  readonly contactId: string;
  readonly campaignId: string;
  readonly messageId: string;
  readonly outcome: DispatchOutcome;
  readonly now: string;
}

export interface RecordDelivery {
  readonly type: 'RecordDelivery';
  readonly contactId: string;
  readonly campaignId: string;
  readonly messageId: string;
  readonly status: DeliveryState | 'queued';
  readonly errorCode?: string;
  readonly now: string;
}

export interface MarkUnreachable {
  readonly type: 'MarkUnreachable';
  readonly contactId: string;
  readonly campaignId: string;
  readonly messageId: string;
  readonly errorCode: string;
  readonly reason: string;
  readonly now: string;
}

export interface ReceiveReply {
  readonly type: 'ReceiveReply';
  readonly contactId: string;
  readonly campaignId: string;
  readonly providerMessageId: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly kind: InboundKind;
  readonly phrase?: string;
  readonly now: string;
}

/** The owner's answer; ownership, opt-out and campaign status were read just before (texting stream, opt-out list, campaign stream). */
export interface SendReply {
  readonly type: 'SendReply';
  readonly contactId: string;
  readonly campaignId: string;
  readonly texterId: string;
  readonly isOwner: boolean;
  readonly optedOut: boolean;
  readonly campaignStatus: CampaignStanding;
  readonly messageId: string;
  readonly to: string;
  readonly body: string;
  readonly segments: number;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly cannedResponseId?: string;
  /**
   * The one text that tells a contact opted out by hand that they will hear
   * nothing more. Sent just after the opt-out, so `optedOut` does not stop it;
   * a conversation gets one at most.
   */
  readonly optOutConfirmation?: boolean;
  readonly now: string;
}

/**
 * Who acts on a conversation besides sending: `mayAct` is the handler's
 * verdict from the texting stream (the owner) or the person's role (staff
 * may fix the record from message review). `texted`: the texting stream
 * has the first text (accepted; it may still wait for its pace or the
 * dispatcher, so this stream may not have it yet).
 */
interface ConversationActor {
  readonly contactId: string;
  readonly campaignId: string;
  readonly by: string;
  readonly mayAct: boolean;
  readonly texted?: boolean;
  readonly now: string;
}

/** The campaign's survey and chosen tags as its survey stream has them now. */
export interface CampaignSurveyFacts {
  readonly version: number;
  readonly questions: readonly SurveyQuestion[];
  readonly tagIds: readonly string[];
}

/** Record what the contact answered (`answerId`), or take an answer back (null). */
export interface RecordSurveyAnswer extends ConversationActor {
  readonly type: 'RecordSurveyAnswer';
  readonly questionId: string;
  readonly answerId: string | null;
  readonly survey: CampaignSurveyFacts;
}

export interface TagConversation extends ConversationActor {
  readonly type: 'TagConversation';
  readonly tagId: string;
  /** true: put the tag on; false: take it off. */
  readonly applied: boolean;
  readonly survey: CampaignSurveyFacts;
}

export interface CloseConversation extends ConversationActor {
  readonly type: 'CloseConversation';
}

export type ConversationCommand = RecordDispatch | RecordDelivery | MarkUnreachable | ReceiveReply | SendReply | RecordSurveyAnswer | TagConversation | CloseConversation;

/** `unknown`: asked, no answer; only reconciliation moves it on. `undecided`: final, an admin's to settle. */
export type OutboundState = 'queued' | 'unknown' | 'dispatched' | 'not_sent' | 'undecided' | DeliveryState;

export interface ConversationState {
  /** Outbound messages this stream knows a result for, by message id. */
  readonly outbound: ReadonlyMap<string, OutboundState>;
  /** Provider ids of inbound texts already recorded (providers retry webhooks). */
  readonly inbound: ReadonlySet<string>;
  readonly started: boolean;
  /** Survey answers by question id. */
  readonly answers: ReadonlyMap<string, string>;
  readonly tags: ReadonlySet<string>;
  readonly closed: boolean;
  /** The opt-out confirmation went out (one at most). */
  readonly confirmedOptOut: boolean;
  readonly unreachable: boolean;
}

const NOT_YOURS = 'This conversation is not assigned to you';

function decideAnswer(command: RecordSurveyAnswer, state: ConversationState): Decision<ConversationEvent> {
  const { contactId, campaignId, questionId, answerId, by, now } = command;
  if (!command.mayAct) return reject('forbidden', NOT_YOURS);
  if (!state.started && !command.texted) return reject('conflict', 'Send the first text before recording answers');
  const previous = state.answers.get(questionId);
  if (answerId === null) {
    if (previous === undefined) return accept();
    return accept({ type: 'SurveyAnswerCleared', data: { contactId, campaignId, questionId, answerId: previous, by, clearedAt: now } });
  }
  const question = command.survey.questions.find((q) => q.id === questionId);
  if (!question) return reject('invalid', 'The campaign\'s survey has no such question (it may have changed: reload)', 'questionId');
  const answer = question.answers.find((a) => a.id === answerId);
  if (!answer) return reject('invalid', `“${question.text}” has no such answer (the survey may have changed: reload)`, 'answerId');
  if (previous === answerId) return accept();
  const recorded: SurveyAnswerRecorded = {
    type: 'SurveyAnswerRecorded',
    data: { contactId, campaignId, questionId, answerId, ...(previous !== undefined && { previousAnswerId: previous }), surveyVersion: command.survey.version, by, recordedAt: now },
  };
  // The answer's tag comes with it (the survey only names tags the campaign offers).
  if (answer.tagId === undefined || state.tags.has(answer.tagId)) return accept(recorded);
  const tagged: ConversationTagged = { type: 'ConversationTagged', data: { contactId, campaignId, tagId: answer.tagId, answerId, by, taggedAt: now } };
  return accept<ConversationEvent>(recorded, tagged);
}

function decideTag(command: TagConversation, state: ConversationState): Decision<ConversationEvent> {
  const { contactId, campaignId, tagId, by, now } = command;
  if (!command.mayAct) return reject('forbidden', NOT_YOURS);
  if (!command.applied) {
    if (!state.tags.has(tagId)) return accept();
    return accept({ type: 'ConversationUntagged', data: { contactId, campaignId, tagId, by, untaggedAt: now } });
  }
  if (state.tags.has(tagId)) return accept();
  if (!command.survey.tagIds.includes(tagId)) return reject('invalid', 'This campaign does not offer that tag', 'tagId');
  return accept({ type: 'ConversationTagged', data: { contactId, campaignId, tagId, by, taggedAt: now } });
}

/** Carrier statuses only move forward: sent, then one final word. */
const RANK: Record<OutboundState, number> = { queued: 0, unknown: 0, dispatched: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3, not_sent: 3, undecided: 3 };

/** A dispatch outcome is recorded once; a replay or a retried command for a message that has one changes nothing. */
function decideDispatch(command: RecordDispatch, state: ConversationState): Decision<ConversationEvent> {
  const current = state.outbound.get(command.messageId);
  // Only a message still waiting, or one whose outcome is unknown (reconciliation), can get an outcome.
  if (current !== undefined && current !== 'queued' && current !== 'unknown') return accept();
  const { contactId, campaignId, messageId, outcome, now } = command;
  switch (outcome.kind) {
    case 'dispatched':
      return accept({
        type: 'MessageDispatched',
        data: { contactId, campaignId, messageId, providerMessageId: outcome.providerMessageId, from: outcome.from, ...(outcome.reconciled && { reconciled: true as const }), dispatchedAt: now },
      });
    case 'not_sent':
      return accept({
        type: 'MessageNotSent',
        data: { contactId, campaignId, messageId, reason: outcome.reason, ...(outcome.errorCode && { errorCode: outcome.errorCode }), detail: outcome.detail, at: now },
      });
    case 'unknown':
      if (current === 'unknown') return accept();
      return accept({ type: 'MessageOutcomeUnknown', data: { contactId, campaignId, messageId, attemptedAt: outcome.attemptedAt, detail: outcome.detail, at: now } });
    case 'undecided':
      return accept({ type: 'MessageOutcomeUndecided', data: { contactId, campaignId, messageId, detail: outcome.detail, at: now } });
    default:
      return assertNever(outcome);
  }
}

/** Texts a texter writes are at most this long (10 segments of UCS-2 is 670). */
export const MAX_REPLY_LENGTH = 1_600;

export const conversationDecider: Decider<ConversationCommand, ConversationEvent, ConversationState> = {
  initialState: () => ({ outbound: new Map(), inbound: new Set(), started: false, answers: new Map(), tags: new Set(), closed: false, confirmedOptOut: false, unreachable: false }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordDispatch':
        return decideDispatch(command, state);
      case 'RecordDelivery': {
        const current = state.outbound.get(command.messageId);
        // Statuses come by the provider's id, so the message was dispatched (an unknown one is not reconciled yet).
        if (current === undefined || current === 'not_sent' || current === 'unknown' || current === 'undecided' || command.status === 'queued') return accept();
        if (RANK[command.status] <= RANK[current]) return accept();
        const { contactId, campaignId, messageId, status, errorCode, now } = command;
        return accept({ type: 'MessageDeliveryUpdated', data: { contactId, campaignId, messageId, status, ...(errorCode && { errorCode }), at: now } });
      }
      case 'MarkUnreachable': {
        if (state.unreachable) return accept();
        const { contactId, campaignId, messageId, errorCode, reason, now } = command;
        return accept({ type: 'ContactMarkedUnreachable', data: { contactId, campaignId, messageId, errorCode, reason, at: now } });
      }
      case 'ReceiveReply': {
        if (state.inbound.has(command.providerMessageId)) return accept();
        const { contactId, campaignId, providerMessageId, from, to, body, kind, phrase, now } = command;
        return accept({ type: 'ReplyReceived', data: { contactId, campaignId, providerMessageId, from, to, body, kind, ...(phrase && { phrase }), receivedAt: now } });
      }
      case 'SendReply': {
        if (!command.isOwner) return reject('forbidden', 'This conversation is not assigned to you');
        if (command.campaignStatus !== 'active') return reject('conflict', `The campaign is ${command.campaignStatus}: nothing can be sent until it is active`);
        if (command.optOutConfirmation && state.confirmedOptOut) return reject('conflict', 'This contact was already told they are opted out');
        if (command.optedOut && !command.optOutConfirmation) return reject('conflict', 'This number opted out: it must not be texted');
        if (!state.started) return reject('conflict', 'Send the first text before replying');
        const body = command.body.trim();
        if (body === '') return reject('invalid', 'The message is empty', 'body');
        if (body.length > MAX_REPLY_LENGTH) return reject('invalid', `At most ${MAX_REPLY_LENGTH} characters`, 'body');
        const { contactId, campaignId, texterId, messageId, to, segments, encoding, cannedResponseId, optOutConfirmation, now } = command;
        return accept({
          type: 'ReplySent',
          data: { contactId, campaignId, texterId, messageId, to, body, segments, encoding, ...(cannedResponseId && { cannedResponseId }), ...(optOutConfirmation && { optOutConfirmation }), sentAt: now },
        });
      }
      case 'RecordSurveyAnswer':
        return decideAnswer(command, state);
      case 'TagConversation':
        return decideTag(command, state);
      case 'CloseConversation': {
        if (!command.mayAct) return reject('forbidden', NOT_YOURS);
        if (!state.started && !command.texted) return reject('conflict', 'Send the first text before closing the conversation');
        if (state.closed) return accept();
        return accept({ type: 'ConversationClosed', data: { contactId: command.contactId, campaignId: command.campaignId, by: command.by, closedAt: command.now } });
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    const outbound = (messageId: string, status: OutboundState) => ({ ...state, outbound: new Map(state.outbound).set(messageId, status) });
    switch (event.type) {
      case 'MessageDispatched':
        return { ...outbound(event.data.messageId, 'dispatched'), started: true };
      case 'MessageNotSent':
        return outbound(event.data.messageId, 'not_sent');
      case 'MessageDeliveryUpdated':
        return outbound(event.data.messageId, event.data.status);
      case 'MessageOutcomeUnknown':
        return outbound(event.data.messageId, 'unknown');
      case 'MessageOutcomeUndecided':
        return outbound(event.data.messageId, 'undecided');
      case 'ContactMarkedUnreachable':
        return { ...state, unreachable: true };
      case 'ReplyReceived':
        return { ...state, inbound: new Set(state.inbound).add(event.data.providerMessageId), started: true, closed: false };
      case 'ReplySent':
        return { ...outbound(event.data.messageId, 'queued'), started: true, closed: false, confirmedOptOut: state.confirmedOptOut || event.data.optOutConfirmation === true };
      case 'SurveyAnswerRecorded':
        return { ...state, answers: new Map(state.answers).set(event.data.questionId, event.data.answerId) };
      case 'SurveyAnswerCleared': {
        const answers = new Map(state.answers);
        answers.delete(event.data.questionId);
        return { ...state, answers };
      }
      case 'ConversationTagged':
        return { ...state, tags: new Set(state.tags).add(event.data.tagId) };
      case 'ConversationUntagged': {
        const tags = new Set(state.tags);
        tags.delete(event.data.tagId);
        return { ...state, tags };
      }
      case 'ConversationClosed':
        return { ...state, closed: true };
      default:
        return assertNever(event);
    }
  },
};
