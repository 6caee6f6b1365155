import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { unmatchedRepliesDecider, type ReceiveUnmatchedReply } from './unmatched-reply.js';

const now = '2026-07-15T18:00:00.000Z';
const command: ReceiveUnmatchedReply = { type: 'ReceiveUnmatchedReply', organizationId: 'o1', providerMessageId: 'SM1', from: '+12125550199', to: '+15005550006', body: 'who is this', kind: 'message', now };
const event = { type: 'UnmatchedReplyReceived' as const, data: { organizationId: 'o1', providerMessageId: 'SM1', from: '+12125550199', to: '+15005550006', body: 'who is this', kind: 'message' as const, receivedAt: now } };

describe('unmatched replies', () => {
  it('keeps a text from an unknown number, once per provider id', () => {
    specify(unmatchedRepliesDecider).given([]).when(command).then([event]);
    specify(unmatchedRepliesDecider).given([event]).when(command).then([]);
  });
});
