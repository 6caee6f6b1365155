import type { Role } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { allowedRoute, homeRoute } from './route-guard';
import { NEWEST_EVENTS, type Route } from './routes';

const everyScreen: Route[] = [{ name: 'campaigns' }, { name: 'campaign', id: 'c1' }, { name: 'dashboard', campaignId: 'c1' }, { name: 'overview' }, NEWEST_EVENTS, { name: 'people' }, { name: 'home' }];

describe('allowedRoute', () => {
  it('sends a volunteer home from every other screen', () => {
    for (const route of everyScreen) expect(allowedRoute(route, 'volunteer')).toEqual({ name: 'home' });
  });

  it.each<Role>(['owner', 'admin', 'auditor'])('lets %s see campaigns, the event log and people', (role) => {
    expect(allowedRoute({ name: 'campaigns' }, role)).toEqual({ name: 'campaigns' });
    expect(allowedRoute(NEWEST_EVENTS, role)).toBe(NEWEST_EVENTS);
    expect(allowedRoute({ name: 'people' }, role)).toEqual({ name: 'people' });
    expect(allowedRoute({ name: 'campaign', id: 'c1' }, role)).toEqual({ name: 'campaign', id: 'c1' });
  });

  it.each<Role>(['owner', 'admin', 'auditor'])("sends %s from the volunteer home to campaigns", (role) => {
    expect(allowedRoute({ name: 'home' }, role)).toEqual({ name: 'campaigns' });
  });

  it('never guards the public join page', () => {
    const join: Route = { name: 'join', token: 't' };
    for (const role of ['owner', 'admin', 'volunteer', 'auditor'] as const) expect(allowedRoute(join, role)).toBe(join);
  });

  it('never guards a reset link, and sends everyone signed in from the sign-in screen to their home', () => {
    const reset: Route = { name: 'reset', token: 't' };
    expect(allowedRoute(reset, 'volunteer')).toBe(reset);
    expect(allowedRoute({ name: 'sign-in', email: 'a@b.org' }, 'volunteer')).toEqual({ name: 'home' });
    expect(allowedRoute({ name: 'sign-in', email: '' }, 'admin')).toEqual({ name: 'campaigns' });
  });

  it('returns the very route when allowed, so the app can tell "allowed" from "redirected" by identity', () => {
    const people: Route = { name: 'people' };
    expect(allowedRoute(people, 'admin')).toBe(people);
  });
});

describe('homeRoute', () => {
  it('is the volunteer home for volunteers and campaigns for everyone else', () => {
    expect(homeRoute('volunteer')).toEqual({ name: 'home' });
    expect(homeRoute('auditor')).toEqual({ name: 'campaigns' });
  });
});

describe('the tags screen', () => {
  it('is for owners, admins and auditors; volunteers go home', () => {
    for (const role of ['owner', 'admin', 'auditor'] as const) expect(allowedRoute({ name: 'tags' }, role)).toEqual({ name: 'tags' });
    expect(allowedRoute({ name: 'tags' }, 'volunteer')).toEqual({ name: 'home' });
  });
});

describe('texting screens', () => {
  const text: Route = { name: 'text', campaignId: 'c1' };
  const inbox: Route = { name: 'inbox', view: 'needs_reply', search: '' };
  const thread: Route = { name: 'thread', contactId: 'k1' };
  const phone: Route = { name: 'sandbox-phone', phone: '' };

  it('lets everyone who texts see the texting screen and the inbox; auditors, who do not text, go to campaigns', () => {
    for (const role of ['owner', 'admin', 'volunteer'] as const) {
      expect(allowedRoute(text, role)).toBe(text);
      expect(allowedRoute(inbox, role)).toBe(inbox);
    }
    expect(allowedRoute(text, 'auditor')).toEqual({ name: 'campaigns' });
    expect(allowedRoute(inbox, 'auditor')).toEqual({ name: 'campaigns' });
  });

  it('lets anyone open a thread: the API says whose it may show', () => {
    for (const role of ['owner', 'admin', 'volunteer', 'auditor'] as const) expect(allowedRoute(thread, role)).toBe(thread);
  });

  it('keeps the sandbox phone for owners and admins', () => {
    expect(allowedRoute(phone, 'admin')).toBe(phone);
    expect(allowedRoute(phone, 'owner')).toBe(phone);
    expect(allowedRoute(phone, 'volunteer')).toEqual({ name: 'home' });
    expect(allowedRoute(phone, 'auditor')).toEqual({ name: 'campaigns' });
  });
});

describe('message review', () => {
  const review: Route = { name: 'review', campaignId: 'c1', filter: { view: 'all', search: '', texterId: '', tagId: '', questionId: '', answerId: '', errorCode: '' } };

  it.each<Role>(['owner', 'admin', 'auditor'])('lets %s read it', (role) => {
    expect(allowedRoute(review, role)).toBe(review);
  });

  it('sends a volunteer home', () => {
    expect(allowedRoute(review, 'volunteer')).toEqual({ name: 'home' });
  });
});
