import type { AnyDomainEvent } from '@textbank/domain';
import { describe, expect, it } from 'vitest';
import { projectorSpec } from '../projector.spec-helpers.js';
import { c1, at, sent, replySent, delivery, notSent, reply, optedOut, optedIn, reassigned, answered, tagged, dispatched, outcomeUnknown, unreachable, carrierAlarm, type Given } from './dashboard.spec-helpers.js';
import { campaignAnswersAndTags, campaignCounters, campaignErrors, campaignMinutes, campaignTexters, dashboardProjector, organizationQueues, texterDay } from './dashboard.js';

describe('dashboard read model', () => {
  it('counts contacts by where they stand: texted, replied, opted out (keyword, 21610 or by hand, until they opt back in), unreachable, failed', () => {
    const spec = projectorSpec(dashboardProjector);
    spec.given(
      ...['1', '2', '3', '4', '5', '6'].map((id) => sent(id, 'ann', 0)),
      delivery('1', 'delivered', 1),
      reply('1', 2),
      // STOP by keyword: the reply marks it, the opt-out list confirms it.
      delivery('2', 'delivered', 1),
      reply('2', 2, 'opt_out'),
      optedOut('2', 'reply', 2),
      // 21610 from the provider: not sent, and the number goes on the list (source carrier).
      notSent('3', 'provider_refused', 1, '21610'),
      optedOut('3', 'carrier', 1),
      // 30003 from the carrier: undelivered, and the contact marked unreachable (only the mark counts it).
      delivery('4', 'undelivered', 3, '30003'),
      unreachable('4', '30003', 3),
      delivery('5', 'failed', 3, '30007'),
      // Opted out, then START: counted as reachable again.
      delivery('6', 'delivered', 1),
      optedOut('6', 'manual', 4),
      reply('6', 5, 'opt_in'),
      optedIn('6', 5),
    );
    expect(campaignCounters(spec.db, c1)).toEqual({
      counters: { texted: 6, replied: 3, optedOut: 2, unreachable: 1, failed: 2 },
      messages: { sent: 6, delivered: 3, queued: 0, outcomeUnknown: 0 },
      rates: { delivery: 3 / 6, reply: 3 / 6 },
    });
  });

  it('a delivery report never moves a message back, and repeats count once', () => {
    const spec = projectorSpec(dashboardProjector);
    spec.given(sent('1', 'ann', 0), delivery('1', 'delivered', 1), delivery('1', 'delivered', 1), delivery('1', 'sent', 2), delivery('1', 'failed', 2, '30007'));
    expect(campaignCounters(spec.db, c1).messages).toEqual({ sent: 1, delivered: 1, queued: 0, outcomeUnknown: 0 });
    expect(campaignMinutes(spec.db, c1, new Date(at(10)), 1)).toEqual([
      { minute: '2026-11-28T20:00', sent: 1, delivered: 0, replies: 0, failed: 0 },
      { minute: '2026-11-28T20:01', sent: 0, delivered: 1, replies: 0, failed: 0 },
    ]);
  });

  it('buckets traffic per minute by the events own times, and shows only the last hours before the clock given', () => {
    const spec = projectorSpec(dashboardProjector);
    spec.given(sent('1', 'ann', 0), sent('2', 'ann', 0), delivery('1', 'delivered', 0), reply('1', 1), reply('1', 1, 'message', 'r2'), sent('3', 'ann', 59));
    expect(campaignMinutes(spec.db, c1, new Date(at(59, 30)), 1)).toEqual([
      { minute: '2026-11-28T20:00', sent: 2, delivered: 1, replies: 0, failed: 0 },
      { minute: '2026-11-28T20:01', sent: 0, delivered: 0, replies: 2, failed: 0 },
      { minute: '2026-11-28T20:59', sent: 1, delivered: 0, replies: 0, failed: 0 },
    ]);
    // An hour later only minute 59 is within the last hour; nothing after the clock shows.
    expect(campaignMinutes(spec.db, c1, new Date(at(60 + 30)), 1).map((m) => m.minute)).toEqual(['2026-11-28T20:59']);
    expect(campaignMinutes(spec.db, c1, new Date(at(0, 30)), 1).map((m) => m.minute)).toEqual(['2026-11-28T20:00']);
  });

  it('replies to a reassigned conversation wait for the new owner; a reply sent, a close or an opt-out ends the wait', () => {
    const spec = projectorSpec(dashboardProjector);
    spec.given(sent('1', 'ann', 0), sent('2', 'ann', 0), sent('3', 'ann', 0), sent('4', 'bob', 0), reply('1', 3), reply('1', 7, 'message', 'again'), reply('2', 4), reply('3', 5), reply('4', 6));
    spec.given(reassigned(['1', '2'], 'ann', 'bob', 8));
    expect(campaignTexters(spec.db, c1)).toEqual([
      { texterId: 'ann', sent: 3, repliesWaiting: 1, oldestUnansweredAt: at(5), lastActiveAt: at(0) },
      { texterId: 'bob', sent: 1, repliesWaiting: 3, oldestUnansweredAt: at(3), lastActiveAt: at(0) },
    ]);
    spec.given(replySent('1', 'bob', 9, 'm-1b'), [`conversation-2`, { type: 'ConversationClosed', data: { campaignId: c1, contactId: '2', by: 'bob', closedAt: at(10) } } as AnyDomainEvent], optedOut('4', 'reply', 11));
    expect(campaignTexters(spec.db, c1).find((t) => t.texterId === 'bob')).toEqual({ texterId: 'bob', sent: 2, repliesWaiting: 0, oldestUnansweredAt: null, lastActiveAt: at(10) });
    expect(texterDay(spec.db, 'bob', at(0))).toEqual({ waiting: [], today: { firstTexts: 1, replies: 1, since: at(0) } });
    expect(texterDay(spec.db, 'ann', at(1))).toEqual({ waiting: [{ campaignId: c1, n: 1, oldest: at(5) }], today: { firstTexts: 0, replies: 0, since: at(1) } });
  });

  it('counts survey answers as they stand (a changed answer moves, a cleared one goes) and tags applied', () => {
    const spec = projectorSpec(dashboardProjector);
    spec.given(
      answered('1', 'q1', 'yes', 1),
      answered('2', 'q1', 'yes', 1),
      answered('3', 'q1', 'no', 1),
      answered('3', 'q1', 'yes', 2, 'no'),
      answered('1', 'q2', 'maybe', 2),
      [`conversation-1`, { type: 'SurveyAnswerCleared', data: { campaignId: c1, contactId: '1', questionId: 'q2', answerId: 'maybe', by: 'ann', clearedAt: at(3) } } as AnyDomainEvent],
      tagged('1', 't1', 1),
      tagged('2', 't1', 1),
      tagged('2', 't2', 1),
      [`conversation-2`, { type: 'ConversationUntagged', data: { campaignId: c1, contactId: '2', tagId: 't2', by: 'ann', untaggedAt: at(2) } } as AnyDomainEvent],
    );
    expect(campaignAnswersAndTags(spec.db, c1)).toEqual({ answers: [{ questionId: 'q1', answerId: 'yes', count: 3 }], tags: [{ tagId: 't1', count: 2 }] });
  });

  it('lists errors by code and raises the alarm when the recent failure rate jumps (a 30007 spike)', () => {
    const spec = projectorSpec(dashboardProjector);
    // Minutes 0-9: 40 texts, 1 failure (30003). Minutes 56-59: 30 texts, 12 filtered (30007).
    const calm = Array.from({ length: 40 }, (_, i) => sent(`a${i}`, 'ann', i % 10));
    const storm = Array.from({ length: 30 }, (_, i) => sent(`b${i}`, 'ann', 56 + (i % 4)));
    spec.given(...calm, delivery('a0', 'undelivered', 5, '30003', 'm-a0'), ...storm, ...Array.from({ length: 12 }, (_, i) => delivery(`b${i}`, 'failed', 59, '30007', `m-b${i}`)));
    const { errors, alarm } = campaignErrors(spec.db, c1, new Date(at(59, 30)));
    expect(errors).toEqual([
      { code: '30007', count: 12, recent: 12 },
      { code: '30003', count: 1, recent: 0 },
    ]);
    expect(alarm).toEqual({ on: true, jumped: true, recentRate: 12 / 30, baselineRate: 1 / 40, topCode: '30007', carrier: [] });
    // Twenty minutes later the window holds no texts: no alarm, the totals stay.
    expect(campaignErrors(spec.db, c1, new Date(at(80))).alarm.on).toBe(false);
  });

  it('the organization queues: texts waiting for the pacer, outcome unknown, replies unanswered for over 30 minutes', () => {
    const spec = projectorSpec(dashboardProjector);
    spec.given(sent('1', 'ann', 0), sent('2', 'ann', 0), sent('3', 'ann', 0), [`conversation-1`, { type: 'MessageDispatched', data: { campaignId: c1, contactId: '1', messageId: 'm-1', providerMessageId: 'p1', from: '+1', dispatchedAt: at(0) } } as AnyDomainEvent]);
    spec.given(notSent('2', 'ambiguous', 1), reply('1', 10), reply('3', 40));
    expect(organizationQueues(spec.db, new Date(at(45)), 30)).toEqual({ pacingQueue: 1, needsAdmin: { outcomeUnknown: 1, staleReplies: 1 } });
  });

  it("Twilio's outcomes: an unknown send needs an admin until reconciliation settles it; expired or never at the provider is no carrier failure; a carrier alarm stands", () => {
    const spec = projectorSpec(dashboardProjector);
    spec.given(...['1', '2', '3', '4'].map((id) => sent(id, 'ann', 0)), outcomeUnknown('1', 1), outcomeUnknown('2', 1), outcomeUnknown('3', 1));
    expect(organizationQueues(spec.db, new Date(at(2)), 30).needsAdmin.outcomeUnknown).toBe(3);
    // Found at the provider; not there (never re-sent); still unknown. The fourth expired in the pacing queue.
    spec.given(dispatched('1', 3, true), notSent('2', 'not_at_provider', 3), notSent('4', 'expired', 3));
    expect(organizationQueues(spec.db, new Date(at(4)), 30)).toEqual({ pacingQueue: 0, needsAdmin: { outcomeUnknown: 1, staleReplies: 0 } });
    expect(campaignCounters(spec.db, c1).counters.failed).toBe(0);
    expect(campaignErrors(spec.db, c1, new Date(at(4))).alarm).toEqual({ on: false, jumped: false, recentRate: 0, baselineRate: null, topCode: null, carrier: [] });
    // A late delivery report for the reconciled one still counts.
    spec.given(delivery('1', 'delivered', 5), carrierAlarm('carrier_filtered', '30007', 6), carrierAlarm('carrier_filtered', '30007', 7));
    expect(campaignCounters(spec.db, c1).messages).toEqual({ sent: 4, delivered: 1, queued: 0, outcomeUnknown: 1 });
    const { alarm } = campaignErrors(spec.db, c1, new Date(at(8)));
    expect(alarm.on).toBe(true);
    expect(alarm.jumped).toBe(false);
    expect(alarm.carrier).toEqual([{ alarm: 'carrier_filtered', errorCode: '30007', raisedAt: at(6) }]);
  });
});
