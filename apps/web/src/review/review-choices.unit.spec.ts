import type { TagView } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { aConversation, aMessage } from '../inbox/inbox-test-data';
import { aPerson } from '../people/people-test-data';
import { answerGroups, holderName, lastMessageLine, tagOptions, texterOptions } from './review-choices';

const aTag = (overrides: Partial<TagView>): TagView => ({ id: 't1', name: 'Voting', colour: 'green', group: null, archived: false, createdAt: '', updatedAt: '', revision: 0, ...overrides });

describe('texterOptions', () => {
  it('offers anyone, the admin queue, then whoever may hold conversations by name (suspended ones say so)', () => {
    const people = [aPerson({ id: 'z', name: 'Zoe' }), aPerson({ id: 'u', name: 'Uma', role: 'auditor' }), aPerson({ id: 's', name: 'Sam', status: 'suspended' }), aPerson({ id: 'a', name: 'Ana', role: 'admin' })];
    expect(texterOptions(people, '').map((o) => o.label)).toEqual(['Anyone', 'Nobody (admin queue)', 'Ana', 'Sam (suspended)', 'Zoe']);
  });

  it('keeps a texter from a link who is not in the list selectable', () => {
    expect(texterOptions([], 'gone').at(-1)).toEqual({ value: 'gone', label: 'Someone not in the list' });
    expect(texterOptions([], 'none')).toHaveLength(2);
  });
});

describe('tagOptions', () => {
  it('offers the campaign’s tags, and names a chosen one it no longer offers', () => {
    const book = new Map([['t9', aTag({ id: 't9', name: 'Old' })]]);
    expect(tagOptions([aTag({}), aTag({ id: 't2', name: 'Ride', archived: true })], book, 't9').map((o) => o.label)).toEqual(['Any tag', 'Voting', 'Ride (archived)', 'Old']);
  });
});

describe('answerGroups', () => {
  it('groups each question’s answers under it, valued "question:answer"', () => {
    const groups = answerGroups([{ id: 'vote', text: 'Will you vote?', answers: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] }]);
    expect(groups).toEqual([{ question: 'Will you vote?', options: [{ value: 'vote:yes', label: 'Yes' }, { value: 'vote:no', label: 'No' }] }]);
  });
});

describe('rows in words', () => {
  const names = new Map([['ana', 'Ana Texter']]);

  it('names who holds a conversation, nobody included', () => {
    expect(holderName('ana', names)).toBe('Ana Texter');
    expect(holderName(null, names)).toBe('Nobody');
    expect(holderName('gone', names)).toBe('Someone no longer listed');
  });

  it('shows the newest text after its sender’s name, a reply as written', () => {
    expect(lastMessageLine(aConversation({ lastMessage: aMessage({ texterId: 'ana', body: 'Hi  Maria' }) }), names)).toBe('Ana Texter: Hi Maria');
    expect(lastMessageLine(aConversation({ lastMessage: aMessage({ direction: 'in', body: 'Yes!' }) }), names)).toBe('Yes!');
    expect(lastMessageLine(aConversation({ lastMessage: null }), names)).toBe('Not texted yet');
  });
});
