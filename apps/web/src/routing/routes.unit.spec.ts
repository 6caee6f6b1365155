import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routes';

describe('parseRoute', () => {
  it('shows campaigns for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ name: 'campaigns' });
    expect(parseRoute('#/campaigns')).toEqual({ name: 'campaigns' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'campaigns' });
  });

  it('reads the event log filter and page from the query', () => {
    expect(parseRoute('#/events?type=CampaignCreated&stream=campaign-&before=9007199254740993')).toEqual({
      name: 'events',
      filter: { type: 'CampaignCreated', stream: 'campaign-' },
      before: '9007199254740993',
    });
  });

  it('reads one campaign by its id, and goes back to the list for an empty one', () => {
    const id = '0b8a4f7e-3c1d-4e9a-9b2f-6d5c4a3b2e1f';
    expect(parseRoute(`#/campaigns/${id}`)).toEqual({ name: 'campaign', id });
    expect(routeHref({ name: 'campaign', id })).toBe(`#/campaigns/${id}`);
    expect(parseRoute('#/campaigns/')).toEqual({ name: 'campaigns' });
  });

  it('reads a campaign dashboard and the overview, and writes them back', () => {
    const id = '0b8a4f7e-3c1d-4e9a-9b2f-6d5c4a3b2e1f';
    expect(parseRoute(`#/campaigns/${id}/dashboard`)).toEqual({ name: 'dashboard', campaignId: id });
    expect(routeHref({ name: 'dashboard', campaignId: id })).toBe(`#/campaigns/${id}/dashboard`);
    expect(parseRoute('#/overview')).toEqual({ name: 'overview' });
    expect(routeHref({ name: 'overview' })).toBe('#/overview');
  });

  it('reads the people, home and join screens, keeping the invite token', () => {
    expect(parseRoute('#/people')).toEqual({ name: 'people' });
    expect(parseRoute('#/home')).toEqual({ name: 'home' });
    expect(parseRoute('#/join/abc_DEF-123')).toEqual({ name: 'join', token: 'abc_DEF-123' });
  });

  it('decodes an escaped token, and keeps one that cannot be decoded as it came', () => {
    expect(parseRoute('#/join/a%2Bb')).toEqual({ name: 'join', token: 'a+b' });
    expect(parseRoute('#/join/%E0%A4%A')).toEqual({ name: 'join', token: '%E0%A4%A' });
  });

  it('treats a join link without a token as a join page, so the visitor is told the link is incomplete', () => {
    expect(parseRoute('#/join/')).toEqual({ name: 'join', token: '' });
    expect(parseRoute('#/join')).toEqual({ name: 'join', token: '' });
  });

  it('reads a reset link with its token, and the sign-in screen with an address to fill in', () => {
    expect(parseRoute('#/reset/abc_DEF-123')).toEqual({ name: 'reset', token: 'abc_DEF-123' });
    expect(parseRoute('#/reset/')).toEqual({ name: 'reset', token: '' });
    expect(parseRoute('#/sign-in?email=jo%2Bnight%40example.org')).toEqual({ name: 'sign-in', email: 'jo+night@example.org' });
    expect(parseRoute('#/sign-in')).toEqual({ name: 'sign-in', email: '' });
  });

  it('drops a `before` that is not a position, so the newest page is shown instead of a 400', () => {
    expect(parseRoute('#/events?before=abc')).toMatchObject({ before: null });
    expect(parseRoute('#/events?before=-5')).toMatchObject({ before: null });
  });
});

describe('routeHref', () => {
  it('round-trips through parseRoute, escaping what needs it', () => {
    const route: Route = { name: 'events', filter: { type: 'A&B', stream: 'campaign-1?x' }, before: '42' };
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('leaves empty filters out of the URL', () => {
    expect(routeHref({ name: 'events', filter: { type: '', stream: '' }, before: null })).toBe('#/events');
    expect(routeHref({ name: 'campaigns' })).toBe('#/campaigns');
  });

  it('round-trips every screen', () => {
    const routes: Route[] = [
      { name: 'campaigns' },
      { name: 'people' },
      { name: 'home' },
      { name: 'join', token: 'a/b c' },
      { name: 'reset', token: 'x+y' },
      { name: 'sign-in', email: 'jo+1@example.org' },
      { name: 'sign-in', email: '' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});

describe('the tags screen', () => {
  it('reads and writes #/tags', () => {
    expect(parseRoute('#/tags')).toEqual({ name: 'tags' });
    expect(routeHref({ name: 'tags' })).toBe('#/tags');
  });
});

describe('texting routes', () => {
  const id = '0b8a4f7e-3c1d-4e9a-9b2f-6d5c4a3b2e1f';

  it('reads the texting screen of a campaign before the campaign page', () => {
    expect(parseRoute(`#/campaigns/${id}/text`)).toEqual({ name: 'text', campaignId: id });
    expect(parseRoute(`#/campaigns/${id}`)).toEqual({ name: 'campaign', id });
  });

  it('opens the inbox on "needs reply", keeps a view and a search, and reads a thread', () => {
    expect(parseRoute('#/inbox')).toEqual({ name: 'inbox', view: 'needs_reply', search: '' });
    expect(parseRoute('#/inbox?view=closed&search=maria')).toEqual({ name: 'inbox', view: 'closed', search: 'maria' });
    expect(parseRoute('#/inbox?view=everything')).toEqual({ name: 'inbox', view: 'needs_reply', search: '' });
    expect(parseRoute('#/inbox/k-1')).toEqual({ name: 'thread', contactId: 'k-1' });
    expect(routeHref({ name: 'inbox', view: 'needs_reply', search: '' })).toBe('#/inbox');
  });

  it('reads the sandbox phone with its number', () => {
    expect(parseRoute('#/sandbox-phone?phone=%2B12125550101')).toEqual({ name: 'sandbox-phone', phone: '+12125550101' });
    expect(routeHref({ name: 'sandbox-phone', phone: '' })).toBe('#/sandbox-phone');
  });

  it('round-trips each of them', () => {
    const routes: Route[] = [
      { name: 'text', campaignId: id },
      { name: 'inbox', view: 'all', search: 'a&b c' },
      { name: 'inbox', view: 'needs_first_text', search: '' },
      { name: 'thread', contactId: 'k/1' },
      { name: 'sandbox-phone', phone: '+1 (212) 555-0101' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});

describe('message review', () => {
  const id = '0b8a4f7e-3c1d-4e9a-9b2f-6d5c4a3b2e1f';
  const none = { view: 'all', search: '', texterId: '', tagId: '', questionId: '', answerId: '', errorCode: '' } as const;

  it('reads a campaign’s review before the campaign page, all conversations by default', () => {
    expect(parseRoute(`#/campaigns/${id}/review`)).toEqual({ name: 'review', campaignId: id, filter: none });
    expect(routeHref({ name: 'review', campaignId: id, filter: none })).toBe(`#/campaigns/${id}/review`);
  });

  it('keeps every filter in the address, and round-trips it', () => {
    const route: Route = {
      name: 'review',
      campaignId: id,
      filter: { view: 'needs_reply', search: 'a&b c', texterId: 'none', tagId: 't-1', questionId: 'vote', answerId: 'yes', errorCode: '30007' },
    };
    expect(routeHref(route)).toBe(`#/campaigns/${id}/review?view=needs_reply&search=a%26b+c&texterId=none&tagId=t-1&questionId=vote&answerId=yes&errorCode=30007`);
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
