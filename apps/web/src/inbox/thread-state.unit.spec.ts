import { describe, expect, it } from 'vitest';
import { cannedText } from './canned-text';
import { aConversation, aMessage } from './inbox-test-data';
import { applyToThread, mayReply, messageFailed, messageStatus, threadTopics, unreachableNote, type Thread } from './thread-state';

const thread = (): Thread => ({ conversation: aConversation(), messages: [aMessage({ messageId: 'm1', status: 'queued' })] });

describe('applyToThread', () => {
  it('moves a sent text on in its place (queued → delivered)', () => {
    const after = applyToThread(thread(), { conversation: aConversation(), message: aMessage({ messageId: 'm1', status: 'delivered' }), previousTexterId: null });
    expect(after.messages.map((m) => [m.messageId, m.status])).toEqual([['m1', 'delivered']]);
  });

  it('adds a reply at the end, with the conversation’s new state', () => {
    const reply = aMessage({ messageId: 'in-1', direction: 'in', body: 'STOP', status: 'received', kind: 'opt_out', texterId: null });
    const after = applyToThread(thread(), { conversation: aConversation({ status: 'opted_out' }), message: reply, previousTexterId: null });
    expect(after.messages.map((m) => m.messageId)).toEqual(['m1', 'in-1']);
    expect(after.conversation.status).toBe('opted_out');
  });

  it('takes a change without a message (reassigned, opted out by hand) for the conversation alone', () => {
    const after = applyToThread(thread(), { conversation: aConversation({ texterId: 'other' }), message: null, previousTexterId: 'me' });
    expect(after.conversation.texterId).toBe('other');
    expect(after.messages).toHaveLength(1);
  });

  it('ignores changes about other contacts', () => {
    const before = thread();
    expect(applyToThread(before, { conversation: aConversation({ contactId: 'k9' }), message: aMessage({ messageId: 'x' }), previousTexterId: null })).toBe(before);
  });
});

describe('unreachableNote', () => {
  it('says in words why the carrier refuses the number, and falls back to the code for a new reason', () => {
    expect(unreachableNote('landline')).toBe('The carrier says the number is a landline: texts to it will not arrive.');
    expect(unreachableNote('invalid_number')).toBe('The carrier says the number is not valid: texts to it will not arrive.');
    expect(unreachableNote('new_reason')).toBe('The carrier says the number cannot take texts (new_reason): texts to it will not arrive.');
  });
});

describe('messageStatus', () => {
  it('names each status of a text sent, with the carrier’s error code', () => {
    expect(messageStatus(aMessage({ status: 'queued' }))).toBe('Queued');
    expect(messageStatus(aMessage({ status: 'dispatched' }))).toBe('Sent to the carrier');
    expect(messageStatus(aMessage({ status: 'delivered' }))).toBe('Delivered');
    expect(messageStatus(aMessage({ status: 'failed', errorCode: '30006' }))).toBe('Failed (30006)');
    expect(messageStatus(aMessage({ status: 'not_sent', errorCode: 'opted_out' }))).toBe('Not sent: the number opted out');
    expect(messageStatus(aMessage({ status: 'not_sent', errorCode: 'expired' }))).toBe("Not sent: the contact's texting hours ended while it waited");
    expect(messageStatus(aMessage({ status: 'not_sent', errorCode: 'not_at_provider' }))).toBe('Not sent: it never reached the carrier');
    expect(messageStatus(aMessage({ status: 'not_sent', errorCode: '21610' }))).toBe('Not sent (21610)');
    expect(messageStatus(aMessage({ status: 'unknown' }))).toBe('Outcome unknown: being checked with the carrier');
    expect(messageStatus(aMessage({ status: 'undecided' }))).toBe('Outcome unknown: an admin decides');
    expect(messageFailed(aMessage({ status: 'unknown' }))).toBe(true);
    expect(messageStatus(aMessage({ status: 'something_new' }))).toBe('something_new');
  });

  it('says what a received text did', () => {
    expect(messageStatus(aMessage({ direction: 'in', status: 'received', kind: 'message' }))).toBe('Received');
    expect(messageStatus(aMessage({ direction: 'in', status: 'received', kind: 'opt_out' }))).toBe('Received · asked to stop');
  });

  it('marks failures, never a received text', () => {
    expect(messageFailed(aMessage({ status: 'undelivered' }))).toBe(true);
    expect(messageFailed(aMessage({ status: 'delivered' }))).toBe(false);
    expect(messageFailed(aMessage({ direction: 'in', status: 'failed' }))).toBe(false);
  });
});

describe('mayReply', () => {
  it('is for the conversation’s texter while the contact has not opted out', () => {
    expect(mayReply(aConversation({ status: 'needs_reply' }), 'me')).toBe(true);
    expect(mayReply(aConversation({ status: 'opted_out' }), 'me')).toBe(false);
    expect(mayReply(aConversation({ texterId: 'other' }), 'me')).toBe(false);
  });
});

describe('threadTopics', () => {
  it('follows my own conversations; staff and auditors reading someone else’s follow the owner too', () => {
    expect(threadTopics('me', 'me', 'volunteer')).toEqual(['texter:me']);
    expect(threadTopics('other', 'me', 'volunteer')).toEqual(['texter:me']);
    expect(threadTopics('other', 'me', 'admin')).toEqual(['texter:me', 'texter:other']);
    expect(threadTopics('other', 'me', 'auditor')).toEqual(['texter:me', 'texter:other']);
    expect(threadTopics(null, 'me', 'owner')).toEqual(['texter:me']);
  });
});

describe('cannedText', () => {
  it('fills names as a script does, and lists the fields it could not fill', () => {
    const rendered = cannedText('Thanks {firstName}! {texterFirstName} here. Your unit: {unit}', aConversation(), 'Ana Texter');
    expect(rendered.text).toBe('Thanks Maria! Ana here. Your unit: ');
    expect(rendered.emptyFields).toEqual(['unit']);
  });
});
