import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { aPerson } from '../people/people-test-data';
import MoveConversationsForm from './MoveConversationsForm.svelte';

describe('MoveConversationsForm', () => {
  it('offers the campaign’s texters to move from, every status, its tags, and another texter or nobody to move to', () => {
    const { body } = render(MoveConversationsForm, {
      props: {
        campaignId: 'c1',
        holders: [{ texterId: 'v', name: 'Vera Volunteer' }],
        people: [aPerson({ id: 'v', name: 'Vera Volunteer' }), aPerson({ id: 'w', name: 'Victor Volunteer' }), aPerson({ id: 'u', name: 'Uma Auditor', role: 'auditor' })],
        tags: [{ id: 't1', name: 'Voting', colour: 'green', group: null, archived: false, createdAt: '', updatedAt: '', revision: 0 }],
        onMoved: () => {},
      },
    });
    expect(body).toContain('<label for="move-from">From</label>');
    expect(body).toMatch(/<option value="v"[^>]*>Vera Volunteer<\/option>/);
    expect(body).toContain('Waiting for them');
    expect(body).toMatch(/<option value="t1"[^>]*>Voting<\/option>/);
    expect(body).toMatch(/<option value="nobody"[^>]*>Nobody<\/option>/);
    expect(body).toMatch(/<option value="w"[^>]*>Victor Volunteer<\/option>/);
    expect(body).not.toContain('Uma Auditor');
    // Nothing chosen yet: nothing to preview.
    expect(body).toMatch(/<button type="submit" class="secondary" disabled[^>]*>Preview the move<\/button>/);
  });
});
