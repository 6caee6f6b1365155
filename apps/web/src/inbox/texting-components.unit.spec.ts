import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import NextContactCard from '../texting/NextContactCard.svelte';
import ConversationList from './ConversationList.svelte';
import MessageList from './MessageList.svelte';
import { aConversation, aMessage } from './inbox-test-data';

const next = {
  contactId: 'k1', firstName: 'Maria', lastName: 'Lopez', phone: '+12125550101', timeZone: 'America/New_York',
  body: 'Hi Maria, this is Ana with Riverside Tenants.', segments: 1, encoding: 'GSM-7' as const, variantId: 'v1', scriptVersion: 1, windowOpen: true, remaining: 48,
};

describe('NextContactCard', () => {
  it('shows who, their number, their local time, the rendered text read-only, its cost and what is left', () => {
    const { body } = render(NextContactCard, { props: { contact: next, now: new Date('2026-07-15T18:05:00Z') } });
    expect(body).toContain('Maria Lopez');
    expect(body).toContain('(212) 555-0101');
    expect(body).toMatch(/2:05\sPM where they are/);
    expect(body).toContain('<p class="bubble outbound" data-testid="message-body">Hi Maria, this is Ana with Riverside Tenants.</p>');
    expect(body).not.toMatch(/<textarea|<input/);
    expect(body).toContain('1 segment · GSM-7');
    expect(body).toContain('48 left to text, this one included');
    expect(body).not.toContain('Outside texting hours');
  });

  it('warns when the contact’s texting hours are closed, and explains a contact without a ZIP', () => {
    const { body } = render(NextContactCard, { props: { contact: { ...next, windowOpen: false, timeZone: null }, now: new Date() } });
    expect(body).toContain('Outside texting hours for this contact');
    expect(body).toContain('No ZIP: texts go out only while every US time zone is within texting hours.');
  });
});

describe('MessageList', () => {
  it('shows each text with its status, failures with the carrier’s code', () => {
    const { body } = render(MessageList, {
      props: {
        contactName: 'Maria Lopez',
        messages: [
          aMessage({ messageId: 'a', status: 'delivered' }),
          aMessage({ messageId: 'b', direction: 'in', body: 'Who is this?', status: 'received', kind: 'message', texterId: null }),
          aMessage({ messageId: 'c', body: 'Sorry!', status: 'failed', errorCode: '30006' }),
        ],
      },
    });
    expect(body.match(/data-testid="message"/g)).toHaveLength(3);
    expect(body).toContain('Delivered');
    expect(body).toContain('Maria Lopez wrote:');
    expect(body).toMatch(/class="meta failed"[^>]*>[^<]*Failed \(30006\)/);
  });
});

describe('ConversationList', () => {
  it('links each conversation to its thread, with its status, last text and a possible opt-out', () => {
    const { body } = render(ConversationList, {
      props: { view: 'needs_reply', searching: false, conversations: [aConversation({ status: 'needs_reply', possibleOptOut: 'remove me', lastMessage: aMessage({ direction: 'in', body: 'remove me please' }) })] },
    });
    expect(body).toContain('href="#/inbox/k1"');
    expect(body).toContain('Needs reply');
    expect(body).toContain('remove me please');
    expect(body).toContain('May want to stop: “remove me”');
  });

  it('says when the carrier reported the number unreachable', () => {
    const { body } = render(ConversationList, { props: { view: 'all', searching: false, conversations: [aConversation({ unreachable: 'landline' })] } });
    expect(body).toContain('landline');
    expect(render(ConversationList, { props: { view: 'all', searching: false, conversations: [aConversation()] } }).body).not.toContain('landline');
  });

  it('says plainly when a view is empty', () => {
    expect(render(ConversationList, { props: { view: 'needs_reply', searching: false, conversations: [] } }).body).toContain('No replies waiting.');
    expect(render(ConversationList, { props: { view: 'closed', searching: true, conversations: [] } }).body).toContain('No conversation matches the search.');
  });
});
