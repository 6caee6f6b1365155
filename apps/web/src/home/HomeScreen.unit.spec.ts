import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import HomeScreen from './HomeScreen.svelte';

const session = {
  person: { id: 'v1', name: 'Grace Brewster Hopper', email: 'grace@example.org', role: 'volunteer' as const },
  organization: { id: 'o1', name: 'Friends of the Park' },
};

describe('HomeScreen', () => {
  const { body } = render(HomeScreen, { props: { session } });

  it('welcomes the volunteer by first name and shows their profile', () => {
    expect(body).toMatch(/<h1 id="home-heading">Welcome, Grace<\/h1>/);
    expect(body).toContain('<dd>Grace Brewster Hopper</dd>');
    expect(body).toContain('<dd>grace@example.org</dd>');
    expect(body).toContain('>volunteer</dd>');
  });

  it('says plainly that there are no conversations yet, and shows none', () => {
    expect(body).toContain('Your conversations');
    expect(body).toContain('When a campaign assigns contacts to you, your conversations will appear here.');
    expect(body).not.toMatch(/<li|<tr/);
  });
});
