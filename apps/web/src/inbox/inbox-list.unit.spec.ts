import { describe, expect, it } from 'vitest';
import { applyConversationChange, lastLine, type InboxFilter } from './inbox-list';
import { aConversation, aMessage } from './inbox-test-data';
import { inView } from './inbox-views';

const needsReply: InboxFilter = { texterId: 'me', view: 'needs_reply', search: '' };
const change = (overrides: Parameters<typeof aConversation>[0], previousTexterId: string | null = null) => ({ conversation: aConversation(overrides), message: null, previousTexterId });

describe('applyConversationChange', () => {
  it('puts a new reply at the top of "needs reply", without a reload', () => {
    const older = aConversation({ contactId: 'k0', status: 'needs_reply' });
    const list = applyConversationChange([older], change({ contactId: 'k1', status: 'needs_reply' }), needsReply);
    expect(list.map((c) => c.contactId)).toEqual(['k1', 'k0']);
  });

  it('moves a conversation that changed again to the top, with its new state, once', () => {
    const list = [aConversation({ contactId: 'k0', status: 'needs_reply' }), aConversation({ contactId: 'k1', status: 'needs_reply' })];
    const after = applyConversationChange(list, change({ contactId: 'k1', status: 'needs_reply', possibleOptOut: 'remove me' }), needsReply);
    expect(after.map((c) => [c.contactId, c.possibleOptOut])).toEqual([['k1', 'remove me'], ['k0', null]]);
  });

  it('drops a conversation that left the view: answered, or opted out', () => {
    const list = [aConversation({ contactId: 'k1', status: 'needs_reply' })];
    expect(applyConversationChange(list, change({ contactId: 'k1', status: 'waiting' }), needsReply)).toEqual([]);
    expect(applyConversationChange(list, change({ contactId: 'k1', status: 'opted_out' }), needsReply)).toEqual([]);
  });

  it('drops a conversation reassigned away, and takes one reassigned in', () => {
    const list = [aConversation({ contactId: 'k1', status: 'needs_reply' })];
    const away = change({ contactId: 'k1', status: 'needs_reply', texterId: 'someone-else' }, 'me');
    expect(applyConversationChange(list, away, needsReply)).toEqual([]);
    const arriving = change({ contactId: 'k2', status: 'needs_reply', texterId: 'me' }, 'someone-else');
    expect(applyConversationChange([], arriving, needsReply).map((c) => c.contactId)).toEqual(['k2']);
  });

  it('keeps the search: a change that does not match it stays out', () => {
    const filter: InboxFilter = { texterId: 'me', view: 'all', search: 'lopez' };
    expect(applyConversationChange([], change({ contactId: 'k1', lastName: 'Lopez' }), filter)).toHaveLength(1);
    expect(applyConversationChange([], change({ contactId: 'k2', lastName: 'Chen' }), filter)).toHaveLength(0);
  });
});

describe('inView', () => {
  it('lists what each view is for', () => {
    expect(inView(aConversation({ status: 'needs_first_text' }), 'needs_first_text', '')).toBe(true);
    expect(inView(aConversation({ status: 'waiting' }), 'needs_reply', '')).toBe(false);
    expect(inView(aConversation({ status: 'waiting' }), 'all', '')).toBe(true);
    expect(inView(aConversation({ status: 'opted_out' }), 'all', '')).toBe(true);
    expect(inView(aConversation({ status: 'opted_out' }), 'closed', '')).toBe(true);
    expect(inView(aConversation({ status: 'needs_reply' }), 'closed', '')).toBe(false);
  });

  it('finds any part of the full name or the number, ignoring case, as the API does', () => {
    const maria = aConversation();
    expect(inView(maria, 'all', 'ria lop')).toBe(true);
    expect(inView(maria, 'all', 'MARIA')).toBe(true);
    expect(inView(maria, 'all', '5550101')).toBe(true);
    expect(inView(maria, 'all', '  ')).toBe(true);
    expect(inView(maria, 'all', 'chen')).toBe(false);
  });
});

describe('lastLine', () => {
  it('shows their words as they are, mine after "You:", one line', () => {
    expect(lastLine(aConversation({ lastMessage: aMessage({ direction: 'in', body: 'Yes!\nsee you' }) }))).toBe('Yes! see you');
    expect(lastLine(aConversation({ lastMessage: aMessage({ body: 'Hi Maria' }) }))).toBe('You: Hi Maria');
    expect(lastLine(aConversation({ lastMessage: null }))).toBe('Not texted yet');
  });
});
