/** Event log filters as they appear in the URL; '' means "any". */
export interface EventLogFilter {
  type: string;
  stream: string;
}

/**
 * Every screen behind sign-in, read from the hash (#/campaigns, #/events?type=…).
 * The event log keeps its filters and page in the hash so links and Back work.
 */
export type Route =
  | { name: 'campaigns' }
  | { name: 'events'; filter: EventLogFilter; before: string | null };

export const NEWEST_EVENTS: Route = { name: 'events', filter: { type: '', stream: '' }, before: null };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const mark = text.indexOf('?');
  const path = mark === -1 ? text : text.slice(0, mark);
  const query = mark === -1 ? '' : text.slice(mark + 1);
  if (path !== '/events') return { name: 'campaigns' };
  const params = new URLSearchParams(query);
  const before = params.get('before') ?? '';
  return {
    name: 'events',
    filter: { type: params.get('type') ?? '', stream: params.get('stream') ?? '' },
    // A position is a decimal 64-bit integer; anything else would make the API answer 400.
    before: /^\d{1,19}$/.test(before) ? before : null,
  };
}

export function routeHref(route: Route): string {
  if (route.name === 'campaigns') return '#/campaigns';
  const params = new URLSearchParams();
  if (route.filter.type) params.set('type', route.filter.type);
  if (route.filter.stream) params.set('stream', route.filter.stream);
  if (route.before) params.set('before', route.before);
  const query = params.toString();
  return query ? `#/events?${query}` : '#/events';
}
