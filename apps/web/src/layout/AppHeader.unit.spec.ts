import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AppHeader from './AppHeader.svelte';

const session = {
  person: { id: 'p1', name: 'Ada Organizer', email: 'ada@example.org', role: 'owner' as const },
  organization: { id: 'o1', name: 'Friends of the Park' },
};

describe('AppHeader', () => {
  it('shows who is signed in, where, and the way out', () => {
    const { body } = render(AppHeader, { props: { session, route: { name: 'campaigns' }, connection: 'live', onSignOut: () => {} } });
    expect(body).toContain('Friends of the Park');
    expect(body).toContain('Ada Organizer');
    expect(body).toContain('owner');
    expect(body).toMatch(/<button[^>]*>Sign out<\/button>/);
  });

  it('marks the current screen in the nav', () => {
    const { body } = render(AppHeader, {
      props: { session, route: { name: 'events', filter: { type: '', stream: '' }, before: null }, connection: 'live', onSignOut: () => {} },
    });
    expect(body).toMatch(/<a href="#\/events" aria-current="page">Event log<\/a>/);
    expect(body).toMatch(/<a href="#\/campaigns">Campaigns<\/a>/);
  });

  it('counts message review as part of Campaigns', () => {
    const review = { name: 'review', campaignId: 'c1', filter: { view: 'all', search: '', texterId: '', tagId: '', questionId: '', answerId: '', errorCode: '' } } as const;
    const { body } = render(AppHeader, { props: { session, route: review, connection: 'live', onSignOut: () => {} } });
    expect(body).toMatch(/<a href="#\/campaigns" aria-current="page">Campaigns<\/a>/);
  });

  it('says "live" in the connection indicator only when connected', () => {
    const live = render(AppHeader, { props: { session, route: { name: 'campaigns' }, connection: 'live', onSignOut: () => {} } }).body;
    const down = render(AppHeader, { props: { session, route: { name: 'campaigns' }, connection: 'reconnecting', onSignOut: () => {} } }).body;
    expect(live).toContain('<span data-testid="connection">live</span>');
    expect(down).toContain('<span data-testid="connection">reconnecting</span>');
  });

  it('gives staff and auditors Campaigns, Event log and People', () => {
    for (const role of ['owner', 'admin', 'auditor'] as const) {
      const { body } = render(AppHeader, {
        props: { session: { ...session, person: { ...session.person, role } }, route: { name: 'people' }, connection: 'live', onSignOut: () => {} },
      });
      expect(body).toMatch(/<a href="#\/people" aria-current="page">People<\/a>/);
      expect(body).toContain('>Campaigns</a>');
      expect(body).toContain('>Event log</a>');
    }
  });

  it('gives a volunteer their home and their inbox, nothing else', () => {
    const volunteer = { ...session, person: { ...session.person, role: 'volunteer' as const } };
    const { body } = render(AppHeader, { props: { session: volunteer, route: { name: 'home' }, connection: 'live', onSignOut: () => {} } });
    expect(body).toMatch(/<a href="#\/home" aria-current="page">Home<\/a>/);
    expect(body).toMatch(/<a href="#\/inbox">Inbox<\/a>/);
    expect(body).not.toContain('Sandbox phone');
    expect(body).not.toContain('Campaigns');
    expect(body).not.toContain('Event log');
    expect(body).not.toContain('People');
  });

  it('marks the Inbox for a thread, and Home for a volunteer texting a campaign', () => {
    const volunteer = { ...session, person: { ...session.person, role: 'volunteer' as const } };
    const thread = render(AppHeader, { props: { session: volunteer, route: { name: 'thread', contactId: 'k1' }, connection: 'live', onSignOut: () => {} } }).body;
    expect(thread).toMatch(/<a href="#\/inbox" aria-current="page">Inbox<\/a>/);
    const texting = render(AppHeader, { props: { session: volunteer, route: { name: 'text', campaignId: 'c1' }, connection: 'live', onSignOut: () => {} } }).body;
    expect(texting).toMatch(/<a href="#\/home" aria-current="page">Home<\/a>/);
  });

  it('gives staff the Inbox and the sandbox phone; auditors, who do not text, neither', () => {
    const admin = render(AppHeader, { props: { session: { ...session, person: { ...session.person, role: 'admin' as const } }, route: { name: 'campaigns' }, connection: 'live', onSignOut: () => {} } }).body;
    expect(admin).toContain('>Inbox</a>');
    expect(admin).toMatch(/<a href="#\/sandbox-phone">Sandbox phone<\/a>/);
    const auditor = render(AppHeader, { props: { session: { ...session, person: { ...session.person, role: 'auditor' as const } }, route: { name: 'campaigns' }, connection: 'live', onSignOut: () => {} } }).body;
    expect(auditor).not.toContain('Inbox');
    expect(auditor).not.toContain('Sandbox phone');
  });
});
