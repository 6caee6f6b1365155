import { accept, assertNever, type Decider } from '../shared/decider.js';
import type { DomainEvent } from '../shared/decider.js';
import type { InboundKind } from './conversation-events.js';

/**
 * A text from a number no conversation has (never texted, or its contact was
 * never handed out): never dropped, it waits in the organization's queue for
 * staff. One stream per organization, `unmatched-replies-<organizationId>`.
 */
export type UnmatchedReplyReceived = DomainEvent<
  'UnmatchedReplyReceived',
  { organizationId: string; providerMessageId: string; from: string; to: string; body: string; kind: InboundKind; receivedAt: string }
>;

export interface ReceiveUnmatchedReply {
  readonly type: 'ReceiveUnmatchedReply';
  readonly organizationId: string;
  readonly providerMessageId: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly kind: InboundKind;
  readonly now: string;
}

/** Provider ids already recorded: a retried webhook is recorded once. */
export interface UnmatchedRepliesState {
  readonly received: ReadonlySet<string>;
}

export const unmatchedRepliesStream = (organizationId: string) => `unmatched-replies-${organizationId}`;

export const unmatchedRepliesDecider: Decider<ReceiveUnmatchedReply, UnmatchedReplyReceived, UnmatchedRepliesState> = {
  initialState: () => ({ received: new Set() }),
  decide(command, state) {
    switch (command.type) {
      case 'ReceiveUnmatchedReply': {
        if (state.received.has(command.providerMessageId)) return accept();
        const { organizationId, providerMessageId, from, to, body, kind, now } = command;
        return accept({ type: 'UnmatchedReplyReceived', data: { organizationId, providerMessageId, from, to, body, kind, receivedAt: now } });
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UnmatchedReplyReceived':
        return { received: new Set(state.received).add(event.data.providerMessageId) };
      default:
        return assertNever(event.type);
    }
  },
};
