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

  it('leads to the inbox, and says how texting starts while there are no conversations yet', () => {
    expect(body).toContain('Texting');
    expect(body).toMatch(/<a href="#\/inbox">Open your inbox<\/a>/);
    expect(body).toContain('Your organizer shares a texting link for their campaign');
    expect(body).not.toMatch(/<li|<tr/);
  });
});
