import { describe, expect, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { DEFAULT_MAX_WAITING_REPLIES, textingDecider, type RequestContacts, type SendInitialMessage } from './texting-decider.js';
import type { TextingEvent } from './texting-events.js';

const now = '2026-07-15T18:00:00.000Z'; // 14:00 in New York, 11:00 in Los Angeles, 08:00 in Honolulu
const spec = specify(textingDecider);
const limits = { batchSize: 3, maxWaitingReplies: DEFAULT_MAX_WAITING_REPLIES };
const request = (over: Partial<RequestContacts> = {}): RequestContacts => ({
  type: 'RequestContacts', campaignId: 'c1', texterId: 'ana', count: 3, candidates: ['k1', 'k2', 'k3', 'k4', 'k5'], campaignStatus: 'active', waitingReplies: 0, limits, now, ...over,
});
const assigned = (texterId: string, contactIds: string[]): TextingEvent => ({
  type: 'ContactsAssigned', data: { campaignId: 'c1', texterId, contactIds, reason: 'requested', assignedAt: now },
});
const send = (over: Partial<SendInitialMessage> = {}): SendInitialMessage => ({
  type: 'SendInitialMessage', campaignId: 'c1', contactId: 'k1', texterId: 'ana', messageId: 'm1', gestureId: 'g1', to: '+12125550101',
  body: 'Hi Rosa, it is Ana', scriptVersion: 2, variantId: 'v1', segments: 1, encoding: 'GSM-7', timeZone: 'America/New_York',
  hours: { start: '09:00', end: '21:00' }, campaignStatus: 'active', optedOut: false, now, ...over,
});
/** The event `send()` records, for contact k1 at 14:00 in New York. */
const firstText = (over: { texterId?: string } = {}): TextingEvent => ({
  type: 'InitialMessageSent',
  data: {
    campaignId: 'c1', contactId: 'k1', texterId: 'ana', messageId: 'm1', gestureId: 'g1', gestureAt: now, to: '+12125550101', body: 'Hi Rosa, it is Ana',
    scriptVersion: 2, variantId: 'v1', segments: 1, encoding: 'GSM-7', hoursDecision: { timeZone: 'America/New_York', localTime: '14:00', hours: { start: '09:00', end: '21:00' } },
    ...over,
  },
});
const sent = (contactId: string, texterId = 'ana'): TextingEvent => ({
  type: 'InitialMessageSent',
  data: {
    campaignId: 'c1', contactId, texterId, messageId: `m-${contactId}`, gestureId: `g-${contactId}`, gestureAt: now, to: '+12125550101', body: 'Hi',
    scriptVersion: 1, variantId: 'v1', segments: 1, encoding: 'GSM-7', hoursDecision: { timeZone: 'America/New_York', localTime: '14:00', hours: { start: '09:00', end: '21:00' } },
  },
});

describe('texting decider: handing out contacts', () => {
  it('a request takes the first unowned candidates in order, up to the count', () => {
    spec.given([]).when(request({ count: 2 })).then([assigned('ana', ['k1', 'k2'])]);
  });

  it('skips contacts someone else took since the read model was read, and repeated candidates', () => {
    spec.given([assigned('ben', ['k1', 'k3'])]).when(request({ candidates: ['k1', 'k2', 'k2', 'k3', 'k4', 'k5'] })).then([assigned('ana', ['k2', 'k4', 'k5'])]);
  });

  it('never hands out a contact that already had a text, even after it went back to the pool', () => {
    spec
      .given([assigned('ben', ['k1']), sent('k1', 'ben'), { type: 'ContactsUnassigned', data: { campaignId: 'c1', texterId: 'ben', contactIds: ['k1'], reason: 'unassigned', unassignedAt: now } }])
      .when(request({ count: 1 }))
      .then([assigned('ana', ['k2'])]);
  });

  it('a texter holds at most a batch of untexted contacts: a second request gets only the room left, then nothing', () => {
    spec.given([assigned('ana', ['k1', 'k2'])]).when(request()).then([assigned('ana', ['k3'])]);
    spec.given([assigned('ana', ['k1', 'k2', 'k3'])]).when(request()).thenRejects('conflict', /still have 3 contacts to text/);
    spec.given([assigned('ana', ['k1', 'k2', 'k3']), sent('k1'), sent('k2')]).when(request()).then([assigned('ana', ['k4', 'k5'])]);
  });

  it('refuses while replies wait, outside an active campaign, for a bad count, and when the pool is empty', () => {
    spec.given([]).when(request({ waitingReplies: DEFAULT_MAX_WAITING_REPLIES })).thenRejects('conflict', /replies waiting/);
    spec.given([]).when(request({ campaignStatus: 'paused' })).thenRejects('conflict', /paused/);
    spec.given([]).when(request({ count: 0 })).thenRejects('invalid', /1 to 3/);
    spec.given([]).when(request({ count: 4 })).thenRejects('invalid');
    spec.given([]).when(request({ count: 1.5 })).thenRejects('invalid');
    spec.given([assigned('ben', ['k1', 'k2', 'k3', 'k4', 'k5'])]).when(request()).thenRejects('gone', /handed out/);
  });

  it('an admin assigns from the pool beyond the batch size', () => {
    spec.given([assigned('ben', ['k1'])]).when({ type: 'AssignContacts', campaignId: 'c1', texterId: 'ana', count: 10, candidates: ['k1', 'k2', 'k3'], now }).then([
      { type: 'ContactsAssigned', data: { campaignId: 'c1', texterId: 'ana', contactIds: ['k2', 'k3'], reason: 'assigned', assignedAt: now } },
    ]);
  });
});

describe('texting decider: moving work', () => {
  it('unassigns by owner (one event per previous owner) and ignores contacts nobody owns', () => {
    spec.given([assigned('ana', ['k1', 'k2']), assigned('ben', ['k3'])]).when({ type: 'UnassignContacts', campaignId: 'c1', contactIds: ['k1', 'k3', 'k9'], now }).then([
      { type: 'ContactsUnassigned', data: { campaignId: 'c1', texterId: 'ana', contactIds: ['k1'], reason: 'unassigned', unassignedAt: now } },
      { type: 'ContactsUnassigned', data: { campaignId: 'c1', texterId: 'ben', contactIds: ['k3'], reason: 'unassigned', unassignedAt: now } },
    ]);
  });

  it('release returns only the contacts not yet texted', () => {
    spec.given([assigned('ana', ['k1', 'k2', 'k3']), sent('k2')]).when({ type: 'ReleaseUntexted', campaignId: 'c1', texterId: 'ana', now }).then([
      { type: 'ContactsUnassigned', data: { campaignId: 'c1', texterId: 'ana', contactIds: ['k1', 'k3'], reason: 'released', unassignedAt: now } },
    ]);
    spec.given([]).when({ type: 'ReleaseUntexted', campaignId: 'c1', texterId: 'ana', now }).then([]);
  });

  it('reassigns conversations to another texter, skipping those already theirs', () => {
    spec.given([assigned('ana', ['k1']), sent('k1'), assigned('ben', ['k2'])]).when({ type: 'ReassignContacts', campaignId: 'c1', contactIds: ['k1', 'k2'], toTexterId: 'ben', now }).then([
      { type: 'ContactsReassigned', data: { campaignId: 'c1', fromTexterId: 'ana', toTexterId: 'ben', contactIds: ['k1'], reassignedAt: now } },
    ]);
  });

  it("moving a texter's contacts touches only those they hold at decision time (the admin's list may lag)", () => {
    const history = [assigned('ana', ['k1', 'k2']), assigned('cai', ['k3'])];
    spec.given(history).when({ type: 'ReassignContacts', campaignId: 'c1', contactIds: ['k1', 'k2', 'k3'], fromTexterId: 'ana', toTexterId: 'ben', now }).then([
      { type: 'ContactsReassigned', data: { campaignId: 'c1', fromTexterId: 'ana', toTexterId: 'ben', contactIds: ['k1', 'k2'], reassignedAt: now } },
    ]);
    spec.given(history).when({ type: 'UnassignContacts', campaignId: 'c1', contactIds: ['k2', 'k3'], fromTexterId: 'cai', now }).then([
      { type: 'ContactsUnassigned', data: { campaignId: 'c1', texterId: 'cai', contactIds: ['k3'], reason: 'unassigned', unassignedAt: now } },
    ]);
    spec.given(history).when({ type: 'ReassignContacts', campaignId: 'c1', contactIds: ['k3'], fromTexterId: 'ana', toTexterId: 'ben', now }).then([]);
  });

  it('after a reassignment the new owner holds it and the old one cannot send', () => {
    const history = [assigned('ana', ['k1']), { type: 'ContactsReassigned', data: { campaignId: 'c1', fromTexterId: 'ana', toTexterId: 'ben', contactIds: ['k1'], reassignedAt: now } } as TextingEvent];
    spec.given(history).when(send()).thenRejects('forbidden', /assigned to someone else/);
    spec.given(history).when(send({ texterId: 'ben' })).then([firstText({ texterId: 'ben' })]);
  });

  it('state: at most one owner per contact whatever the order of events', () => {
    const state = [assigned('ana', ['k1', 'k2']), { type: 'ContactsReassigned', data: { campaignId: 'c1', fromTexterId: 'ana', toTexterId: 'ben', contactIds: ['k2'], reassignedAt: now } } as TextingEvent].reduce(
      textingDecider.evolve,
      textingDecider.initialState(),
    );
    expect([...state.owners]).toEqual([['k1', 'ana'], ['k2', 'ben']]);
    expect([...(state.untexted.get('ana') ?? [])]).toEqual(['k1']);
    expect([...(state.untexted.get('ben') ?? [])]).toEqual(['k2']);
  });
});

describe('texting decider: sending a first text', () => {
  const mine = [assigned('ana', ['k1'])];

  it('records the gesture with its compliance evidence', () => {
    spec.given(mine).when(send()).then([firstText()]);
  });

  it('refuses: not the owner, twice, opted out, campaign not active, empty', () => {
    spec.given([]).when(send()).thenRejects('forbidden', /not assigned to you/);
    spec.given([assigned('ben', ['k1'])]).when(send()).thenRejects('forbidden');
    spec.given([...mine, sent('k1')]).when(send({ gestureId: 'g2', messageId: 'm2' })).thenRejects('conflict', /already had their first text/);
    spec.given(mine).when(send({ optedOut: true })).thenRejects('conflict', /opted out/);
    spec.given(mine).when(send({ campaignStatus: 'paused' })).thenRejects('conflict', /paused/);
    spec.given(mine).when(send({ campaignStatus: 'archived' })).thenRejects('conflict', /archived/);
    spec.given(mine).when(send({ body: '  ' })).thenRejects('invalid');
  });

  // Texting hours 09:00-21:00 in the contact's zone; start inclusive, end exclusive; DST by the zone database.
  const hoursTable: Array<[string, string | null, string, boolean]> = [
    ['New York at 08:59 EDT', 'America/New_York', '2026-07-15T12:59:00Z', false],
    ['New York at 09:00 EDT', 'America/New_York', '2026-07-15T13:00:00Z', true],
    ['New York at 20:59 EDT', 'America/New_York', '2026-07-16T00:59:00Z', true],
    ['New York at 21:00 EDT', 'America/New_York', '2026-07-16T01:00:00Z', false],
    ['New York at 09:00 EST (winter)', 'America/New_York', '2026-01-15T14:00:00Z', true],
    ['New York at 08:00 EST, which would be 09:00 EDT', 'America/New_York', '2026-01-15T13:00:00Z', false],
    ['New York the morning clocks spring forward, 09:30 EDT', 'America/New_York', '2026-03-08T13:30:00Z', true],
    ['New York the morning clocks fall back, 08:30 EST', 'America/New_York', '2026-11-01T13:30:00Z', false],
    ['Phoenix keeps MST in summer: 08:30 MST (09:30 in Denver)', 'America/Phoenix', '2026-07-15T15:30:00Z', false],
    ['Phoenix 09:30 MST in summer', 'America/Phoenix', '2026-07-15T16:30:00Z', true],
    ['Denver 09:30 MDT in summer', 'America/Denver', '2026-07-15T15:30:00Z', true],
    ['Honolulu 08:00 HST', 'Pacific/Honolulu', '2026-07-15T18:00:00Z', false],
    ['Honolulu 09:00 HST', 'Pacific/Honolulu', '2026-07-15T19:00:00Z', true],
    ['Honolulu 20:59 HST', 'Pacific/Honolulu', '2026-07-16T06:59:00Z', true],
    ['Anchorage 09:00 AKDT', 'America/Anchorage', '2026-07-15T17:00:00Z', true],
    ['Los Angeles 20:30 PDT', 'America/Los_Angeles', '2026-07-16T03:30:00Z', true],
    ['no ZIP at 11:59 Eastern (08:59 Pacific)', null, '2026-07-15T15:59:00Z', false],
    ['no ZIP at 12:00 Eastern (09:00 Pacific)', null, '2026-07-15T16:00:00Z', true],
    ['no ZIP at 20:59 Eastern', null, '2026-07-16T00:59:00Z', true],
    ['no ZIP at 21:00 Eastern', null, '2026-07-16T01:00:00Z', false],
  ];
  it.each(hoursTable)('%s', (_name, timeZone, at, open) => {
    const decision = textingDecider.decide(send({ timeZone, now: at }), mine.reduce(textingDecider.evolve, textingDecider.initialState()));
    expect(decision.ok).toBe(open);
    if (!decision.ok) expect(decision.rejection.message).toMatch(/Outside texting hours/);
  });

  it('a stricter campaign window (08:00-20:00) is the one applied', () => {
    const state = mine.reduce(textingDecider.evolve, textingDecider.initialState());
    expect(textingDecider.decide(send({ hours: { start: '08:00', end: '20:00' }, now: '2026-07-15T12:30:00Z' }), state).ok).toBe(true);
    expect(textingDecider.decide(send({ hours: { start: '08:00', end: '20:00' }, now: '2026-07-16T00:30:00Z' }), state).ok).toBe(false);
  });

  it('a sent contact is no longer held untexted, so the texter can ask for more', () => {
    const state = [assigned('ana', ['k1', 'k2', 'k3']), sent('k1')].reduce(textingDecider.evolve, textingDecider.initialState());
    expect(state.untexted.get('ana')?.size).toBe(2);
    expect(state.texted.has('k1')).toBe(true);
    expect(state.owners.get('k1')).toBe('ana');
  });
});
