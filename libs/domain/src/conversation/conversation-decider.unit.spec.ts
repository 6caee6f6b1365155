import { describe, expect, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { conversationDecider, type CampaignSurveyFacts, type RecordSurveyAnswer, type SendReply, type TagConversation } from './conversation-decider.js';
import type { ConversationEvent } from './conversation-events.js';

const now = '2026-07-15T18:00:00.000Z';
const spec = specify(conversationDecider);
const base = { contactId: 'k1', campaignId: 'c1' };
const dispatched: ConversationEvent = { type: 'MessageDispatched', data: { ...base, messageId: 'm1', providerMessageId: 'SM1', from: '+15005550006', dispatchedAt: now } };
const delivery = (status: 'sent' | 'delivered' | 'undelivered' | 'failed' | 'queued', errorCode?: string) =>
  ({ type: 'RecordDelivery', ...base, messageId: 'm1', status, ...(errorCode && { errorCode }), now }) as const;
const reply = (over: Partial<SendReply> = {}): SendReply => ({
  type: 'SendReply', ...base, texterId: 'ana', isOwner: true, optedOut: false, campaignStatus: 'active', messageId: 'r1', to: '+12125550101', body: 'Thanks!', segments: 1, encoding: 'GSM-7', now, ...over,
});

describe('conversation decider', () => {
  it('records a dispatch once; a second outcome for the same message changes nothing', () => {
    spec.given([]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'dispatched', providerMessageId: 'SM1', from: '+15005550006' }, now }).then([dispatched]);
    spec.given([dispatched]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'not_sent', reason: 'ambiguous', detail: 'x' }, now }).then([]);
  });

  it('a refusal is recorded with the provider code', () => {
    spec.given([]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'not_sent', reason: 'provider_refused', errorCode: '21610', detail: 'Unsubscribed recipient' }, now }).then([
      { type: 'MessageNotSent', data: { ...base, messageId: 'm1', reason: 'provider_refused', errorCode: '21610', detail: 'Unsubscribed recipient', at: now } },
    ]);
  });

  it('delivery statuses only move forward: repeats, late "sent" after "delivered", "queued" and unknown messages are dropped', () => {
    spec.given([dispatched]).when(delivery('sent')).then([{ type: 'MessageDeliveryUpdated', data: { ...base, messageId: 'm1', status: 'sent', at: now } }]);
    const delivered: ConversationEvent = { type: 'MessageDeliveryUpdated', data: { ...base, messageId: 'm1', status: 'delivered', at: now } };
    spec.given([dispatched]).when(delivery('delivered')).then([delivered]);
    spec.given([dispatched, delivered]).when(delivery('sent')).then([]);
    spec.given([dispatched, delivered]).when(delivery('delivered')).then([]);
    spec.given([dispatched]).when(delivery('queued')).then([]);
    spec.given([]).when(delivery('delivered')).then([]);
    spec.given([dispatched]).when(delivery('undelivered', '30003')).then([{ type: 'MessageDeliveryUpdated', data: { ...base, messageId: 'm1', status: 'undelivered', errorCode: '30003', at: now } }]);
  });

  it('an unknown outcome waits for reconciliation: it can still become dispatched or not sent, once; statuses wait for it', () => {
    const unknown: ConversationEvent = { type: 'MessageOutcomeUnknown', data: { ...base, messageId: 'm1', attemptedAt: now, detail: 'timeout', at: now } };
    spec.given([]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'unknown', attemptedAt: now, detail: 'timeout' }, now }).then([unknown]);
    spec.given([unknown]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'unknown', attemptedAt: now, detail: 'again' }, now }).then([]);
    spec.given([unknown]).when(delivery('delivered')).then([]);
    spec.given([unknown]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'dispatched', providerMessageId: 'SM1', from: '+15005550006', reconciled: true }, now }).then([
      { type: 'MessageDispatched', data: { ...base, messageId: 'm1', providerMessageId: 'SM1', from: '+15005550006', reconciled: true, dispatchedAt: now } },
    ]);
    spec.given([unknown]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'not_sent', reason: 'not_at_provider', detail: 'none' }, now }).then([
      { type: 'MessageNotSent', data: { ...base, messageId: 'm1', reason: 'not_at_provider', detail: 'none', at: now } },
    ]);
    const undecided: ConversationEvent = { type: 'MessageOutcomeUndecided', data: { ...base, messageId: 'm1', detail: 'two matches', at: now } };
    spec.given([unknown]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'undecided', detail: 'two matches' }, now }).then([undecided]);
    // Undecided is final: an admin settles it, nothing retries it.
    spec.given([unknown, undecided]).when({ type: 'RecordDispatch', ...base, messageId: 'm1', outcome: { kind: 'dispatched', providerMessageId: 'SM1', from: '+1' }, now }).then([]);
  });

  it('a contact is marked unreachable once', () => {
    const marked: ConversationEvent = { type: 'ContactMarkedUnreachable', data: { ...base, messageId: 'm1', errorCode: '30006', reason: 'landline', at: now } };
    spec.given([dispatched]).when({ type: 'MarkUnreachable', ...base, messageId: 'm1', errorCode: '30006', reason: 'landline', now }).then([marked]);
    spec.given([dispatched, marked]).when({ type: 'MarkUnreachable', ...base, messageId: 'm2', errorCode: '30003', reason: 'unreachable', now }).then([]);
  });

  it('an inbound text is recorded once per provider id (webhooks are retried)', () => {
    const inbound = { type: 'ReceiveReply', ...base, providerMessageId: 'SMin', from: '+12125550101', to: '+15005550006', body: 'STOP', kind: 'opt_out', now } as const;
    const received: ConversationEvent = { type: 'ReplyReceived', data: { ...base, providerMessageId: 'SMin', from: '+12125550101', to: '+15005550006', body: 'STOP', kind: 'opt_out', receivedAt: now } };
    spec.given([dispatched]).when(inbound).then([received]);
    spec.given([dispatched, received]).when(inbound).then([]);
  });

  it('the owner replies in a started conversation; refused otherwise, with a reason', () => {
    spec.given([dispatched]).when(reply({ body: '  Thanks!  ', cannedResponseId: 'cr1' })).then([
      { type: 'ReplySent', data: { ...base, texterId: 'ana', messageId: 'r1', to: '+12125550101', body: 'Thanks!', segments: 1, encoding: 'GSM-7', cannedResponseId: 'cr1', sentAt: now } },
    ]);
    spec.given([dispatched]).when(reply({ isOwner: false })).thenRejects('forbidden', /not assigned to you/);
    spec.given([dispatched]).when(reply({ optedOut: true })).thenRejects('conflict', /opted out/);
    spec.given([dispatched]).when(reply({ campaignStatus: 'paused' })).thenRejects('conflict', /paused/);
    spec.given([]).when(reply()).thenRejects('conflict', /first text/);
    spec.given([dispatched]).when(reply({ body: ' ' })).thenRejects('invalid');
    spec.given([dispatched]).when(reply({ body: 'x'.repeat(1601) })).thenRejects('invalid', /1600/);
  });

  it('an opt-out confirmation goes to a number just opted out, once per conversation; other texts stay refused', () => {
    const confirmation = reply({ optedOut: true, optOutConfirmation: true, body: 'You will get no more texts from us.' });
    const confirmed: ConversationEvent = {
      type: 'ReplySent',
      data: { ...base, texterId: 'ana', messageId: 'r1', to: '+12125550101', body: 'You will get no more texts from us.', segments: 1, encoding: 'GSM-7', optOutConfirmation: true, sentAt: now },
    };
    spec.given([dispatched]).when(confirmation).then([confirmed]);
    spec.given([dispatched, confirmed]).when({ ...confirmation, messageId: 'r2' }).thenRejects('conflict', /already told/);
    spec.given([dispatched, confirmed]).when(reply({ optedOut: true, messageId: 'r2' })).thenRejects('conflict', /opted out/);
    spec.given([dispatched]).when({ ...confirmation, isOwner: false }).thenRejects('forbidden');
  });

  it('a queued reply becomes dispatched, then delivered', () => {
    const sent: ConversationEvent = { type: 'ReplySent', data: { ...base, texterId: 'ana', messageId: 'r1', to: '+1', body: 'x', segments: 1, encoding: 'GSM-7', sentAt: now } };
    const state = [dispatched, sent].reduce(conversationDecider.evolve, conversationDecider.initialState());
    expect(state.outbound.get('r1')).toBe('queued');
    expect(conversationDecider.decide({ type: 'RecordDispatch', ...base, messageId: 'r1', outcome: { kind: 'dispatched', providerMessageId: 'SM2', from: '+1' }, now }, state).ok).toBe(true);
  });

  describe('survey answers, tags and closing', () => {
    const survey: CampaignSurveyFacts = {
      version: 3,
      tagIds: ['t-supporter', 't-undecided'],
      questions: [
        { id: 'q1', text: 'Will you vote?', answers: [{ id: 'yes', label: 'Yes', next: 'q2', tagId: 't-supporter' }, { id: 'no', label: 'No' }] },
        { id: 'q2', text: 'Need a ride?', answers: [{ id: 'ride', label: 'Yes', cannedResponseId: 'cr-ride' }] },
      ],
    };
    const answer = (over: Partial<RecordSurveyAnswer> = {}): RecordSurveyAnswer => ({ type: 'RecordSurveyAnswer', ...base, by: 'ana', mayAct: true, questionId: 'q1', answerId: 'no', survey, now, ...over });
    const tag = (over: Partial<TagConversation> = {}): TagConversation => ({ type: 'TagConversation', ...base, by: 'ana', mayAct: true, tagId: 't-undecided', applied: true, survey, now, ...over });
    const recorded = (answerId: string, previousAnswerId?: string): ConversationEvent => ({
      type: 'SurveyAnswerRecorded',
      data: { ...base, questionId: 'q1', answerId, ...(previousAnswerId && { previousAnswerId }), surveyVersion: 3, by: 'ana', recordedAt: now },
    });

    it('records an answer once; a different answer replaces it and says which it replaced; null takes it back', () => {
      spec.given([dispatched]).when(answer()).then([recorded('no')]);
      spec.given([dispatched, recorded('no')]).when(answer()).then([]);
      spec.given([dispatched, recorded('no')]).when(answer({ answerId: 'yes' })).then([recorded('yes', 'no'), { type: 'ConversationTagged', data: { ...base, tagId: 't-supporter', answerId: 'yes', by: 'ana', taggedAt: now } }]);
      spec.given([dispatched, recorded('no')]).when(answer({ answerId: null })).then([{ type: 'SurveyAnswerCleared', data: { ...base, questionId: 'q1', answerId: 'no', by: 'ana', clearedAt: now } }]);
      spec.given([dispatched]).when(answer({ answerId: null })).then([]);
    });

    it("an answer's tag is not put on twice", () => {
      const tagged: ConversationEvent = { type: 'ConversationTagged', data: { ...base, tagId: 't-supporter', by: 'ana', taggedAt: now } };
      spec.given([dispatched, tagged]).when(answer({ answerId: 'yes' })).then([recorded('yes')]);
    });

    it('refuses answers to questions or choices the survey does not have, before the first text, or from someone else', () => {
      spec.given([dispatched]).when(answer({ questionId: 'q9' })).thenRejects('invalid', /no such question/);
      spec.given([dispatched]).when(answer({ questionId: 'q2', answerId: 'no' })).thenRejects('invalid', /“Need a ride\?” has no such answer/);
      spec.given([]).when(answer()).thenRejects('conflict', /first text/);
      // Sent (the texting stream has it) but not yet through the dispatcher: the texter may already answer.
      spec.given([]).when(answer({ texted: true })).then([recorded('no')]);
      spec.given([dispatched]).when(answer({ mayAct: false })).thenRejects('forbidden', /not assigned to you/);
    });

    it('tags only with tags the campaign offers; taking off a tag it does not have is a no-op', () => {
      const tagged: ConversationEvent = { type: 'ConversationTagged', data: { ...base, tagId: 't-undecided', by: 'ana', taggedAt: now } };
      spec.given([]).when(tag()).then([tagged]);
      spec.given([tagged]).when(tag()).then([]);
      spec.given([tagged]).when(tag({ applied: false })).then([{ type: 'ConversationUntagged', data: { ...base, tagId: 't-undecided', by: 'ana', untaggedAt: now } }]);
      spec.given([]).when(tag({ applied: false })).then([]);
      spec.given([]).when(tag({ tagId: 't-other' })).thenRejects('invalid', /does not offer/);
      spec.given([]).when(tag({ mayAct: false })).thenRejects('forbidden');
    });

    it('closes a started conversation once; a new reply or an answer from the texter opens it again', () => {
      const close = { type: 'CloseConversation', ...base, by: 'ana', mayAct: true, now } as const;
      const closed: ConversationEvent = { type: 'ConversationClosed', data: { ...base, by: 'ana', closedAt: now } };
      spec.given([dispatched]).when(close).then([closed]);
      spec.given([dispatched, closed]).when(close).then([]);
      spec.given([]).when(close).thenRejects('conflict', /first text/);
      spec.given([]).when({ ...close, texted: true }).then([closed]);
      spec.given([dispatched]).when({ ...close, mayAct: false }).thenRejects('forbidden');
      const received: ConversationEvent = { type: 'ReplyReceived', data: { ...base, providerMessageId: 'SM9', from: '+1', to: '+2', body: 'one more thing', kind: 'message', receivedAt: now } };
      spec.given([dispatched, closed, received]).when(close).then([closed]);
    });
  });
});
