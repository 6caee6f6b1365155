import type { CampaignStanding } from '../script/script-text-rules.js';
import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { ConversationEvent, DeliveryState, InboundKind, MessageNotSent } from './conversation-events.js';

/** What the dispatcher learned from the provider (or from its checks just before asking). */
export type DispatchOutcome =
  | { readonly kind: 'dispatched'; readonly providerMessageId: string; readonly from: string }
  | { readonly kind: 'not_sent'; readonly reason: MessageNotSent['data']['reason']; readonly errorCode?: string; readonly detail: string };

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
  readonly now: string;
}

export type ConversationCommand = RecordDispatch | RecordDelivery | ReceiveReply | SendReply;

export type OutboundState = 'queued' | 'dispatched' | 'not_sent' | DeliveryState;

export interface ConversationState {
  /** Outbound messages this stream knows a result for, by message id. */
  readonly outbound: ReadonlyMap<string, OutboundState>;
  /** Provider ids of inbound texts already recorded (providers retry webhooks). */
  readonly inbound: ReadonlySet<string>;
  readonly started: boolean;
}

/** Carrier statuses only move forward: sent, then one final word. */
const RANK: Record<OutboundState, number> = { queued: 0, dispatched: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3, not_sent: 3 };

/** Texts a texter writes are at most this long (10 segments of UCS-2 is 670). */
export const MAX_REPLY_LENGTH = 1_600;

export const conversationDecider: Decider<ConversationCommand, ConversationEvent, ConversationState> = {
  initialState: () => ({ outbound: new Map(), inbound: new Set(), started: false }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordDispatch': {
        const current = state.outbound.get(command.messageId);
        if (current !== undefined && current !== 'queued') return accept();
        const { contactId, campaignId, messageId, outcome, now } = command;
        if (outcome.kind === 'dispatched') {
          return accept({ type: 'MessageDispatched', data: { contactId, campaignId, messageId, providerMessageId: outcome.providerMessageId, from: outcome.from, dispatchedAt: now } });
        }
        return accept({
          type: 'MessageNotSent',
          data: { contactId, campaignId, messageId, reason: outcome.reason, ...(outcome.errorCode && { errorCode: outcome.errorCode }), detail: outcome.detail, at: now },
        });
      }
      case 'RecordDelivery': {
        const current = state.outbound.get(command.messageId);
        if (current === undefined || current === 'not_sent' || command.status === 'queued') return accept();
        if (RANK[command.status] <= RANK[current]) return accept();
        const { contactId, campaignId, messageId, status, errorCode, now } = command;
        return accept({ type: 'MessageDeliveryUpdated', data: { contactId, campaignId, messageId, status, ...(errorCode && { errorCode }), at: now } });
      }
      case 'ReceiveReply': {
        if (state.inbound.has(command.providerMessageId)) return accept();
        const { contactId, campaignId, providerMessageId, from, to, body, kind, phrase, now } = command;
        return accept({ type: 'ReplyReceived', data: { contactId, campaignId, providerMessageId, from, to, body, kind, ...(phrase && { phrase }), receivedAt: now } });
      }
      case 'SendReply': {
        if (!command.isOwner) return reject('forbidden', 'This conversation is not assigned to you');
        if (command.campaignStatus !== 'active') return reject('conflict', `The campaign is ${command.campaignStatus}: nothing can be sent until it is active`);
        if (command.optedOut) return reject('conflict', 'This number opted out: it must not be texted');
        if (!state.started) return reject('conflict', 'Send the first text before replying');
        const body = command.body.trim();
        if (body === '') return reject('invalid', 'The message is empty', 'body');
        if (body.length > MAX_REPLY_LENGTH) return reject('invalid', `At most ${MAX_REPLY_LENGTH} characters`, 'body');
        const { contactId, campaignId, texterId, messageId, to, segments, encoding, cannedResponseId, now } = command;
        return accept({ type: 'ReplySent', data: { contactId, campaignId, texterId, messageId, to, body, segments, encoding, ...(cannedResponseId && { cannedResponseId }), sentAt: now } });
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
      case 'ReplyReceived':
        return { ...state, inbound: new Set(state.inbound).add(event.data.providerMessageId), started: true };
      case 'ReplySent':
        return { ...outbound(event.data.messageId, 'queued'), started: true };
      default:
        return assertNever(event);
    }
  },
};
