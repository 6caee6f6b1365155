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
});
