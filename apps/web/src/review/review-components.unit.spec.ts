import type { TagView } from '@textbank/contracts';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { aConversation, aMessage } from '../inbox/inbox-test-data';
import ReviewTable from './ReviewTable.svelte';

const voting: TagView = { id: 't1', name: 'Voting', colour: 'green', group: null, archived: false, createdAt: '', updatedAt: '', revision: 0 };

describe('ReviewTable', () => {
  it('shows each conversation with its phone, status, texter, tags and last text, linked to its thread', () => {
    const { body } = render(ReviewTable, {
      props: {
        conversations: [aConversation({ texterId: 'me', status: 'needs_reply', tags: ['t1', 'deleted'], lastMessage: aMessage({ direction: 'in', body: 'Count me in' }) }), aConversation({ contactId: 'k2', texterId: null })],
        names: new Map([['me', 'Vera Volunteer']]),
        tagBook: new Map([['t1', voting]]),
        filtered: false,
      },
    });
    expect(body.match(/data-testid="review-row"/g)).toHaveLength(2);
    expect(body).toContain('href="#/inbox/k1"');
    expect(body).toContain('Maria Lopez');
    expect(body).toContain('(212) 555-0101');
    expect(body).toContain('Needs reply');
    expect(body).toContain('Vera Volunteer');
    expect(body).toMatch(/class="tag-chip"[^>]*>Voting/);
    expect(body).toContain('Count me in');
    expect(body).toContain('Nobody');
  });

  it('says plainly when nothing matches', () => {
    expect(render(ReviewTable, { props: { conversations: [], names: new Map(), tagBook: new Map(), filtered: true } }).body).toContain('No conversation matches these filters.');
  });
});
