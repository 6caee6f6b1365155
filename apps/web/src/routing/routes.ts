/** Event log filters as they appear in the URL; '' means "any". */
export interface EventLogFilter {
  type: string;
  stream: string;
}

/**
 * Every screen, read from the hash (#/campaigns, #/campaigns/<id>, #/events?type=…, #/join/<token>,
 * #/reset/<token>, #/sign-in?email=…). The event log keeps its filters and page in the hash so links and Back work.
 * `join` and `reset` are public (the link's token is the credential); `sign-in` is the sign-in screen
 * with an address filled in, and leads home once signed in; the rest sit behind sign-in and a role guard (route-guard.ts).
 */
export type Route =
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  | { name: 'events'; filter: EventLogFilter; before: string | null }
  | { name: 'people' }
  | { name: 'tags' }
  | { name: 'opt-outs' }
  | { name: 'home' }
  | { name: 'join'; token: string }
  | { name: 'reset'; token: string }
  | { name: 'sign-in'; email: string };

export const NEWEST_EVENTS: Route = { name: 'events', filter: { type: '', stream: '' }, before: null };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const mark = text.indexOf('?');
  const path = mark === -1 ? text : text.slice(0, mark);
  const query = mark === -1 ? '' : text.slice(mark + 1);
  if (path === '/people') return { name: 'people' };
  if (path === '/tags') return { name: 'tags' };
  if (path === '/opt-outs') return { name: 'opt-outs' };
  if (path === '/home') return { name: 'home' };
  if (path.startsWith('/campaigns/') && path.length > '/campaigns/'.length) return { name: 'campaign', id: decodeToken(path.slice('/campaigns/'.length)) };
  if (path === '/join' || path.startsWith('/join/')) return { name: 'join', token: decodeToken(path.slice('/join/'.length)) };
  if (path === '/reset' || path.startsWith('/reset/')) return { name: 'reset', token: decodeToken(path.slice('/reset/'.length)) };
  const params = new URLSearchParams(query);
  if (path === '/sign-in') return { name: 'sign-in', email: params.get('email') ?? '' };
  if (path !== '/events') return { name: 'campaigns' };
  const before = params.get('before') ?? '';
  return {
    name: 'events',
    filter: { type: params.get('type') ?? '', stream: params.get('stream') ?? '' },
    // A position is a decimal 64-bit integer; anything else would make the API answer 400.
    before: /^\d{1,19}$/.test(before) ? before : null,
  };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'campaigns':
    case 'people':
    case 'opt-outs':
    case 'tags':
    case 'home':
      return `#/${route.name}`;
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}`;
    case 'join':
    case 'reset':
      return `#/${route.name}/${encodeURIComponent(route.token)}`;
    case 'sign-in':
      return route.email ? `#/sign-in?${new URLSearchParams({ email: route.email }).toString()}` : '#/sign-in';
    case 'events':
      return eventsHref(route.filter, route.before);
    default:
      return route satisfies never;
  }
}

function eventsHref(filter: EventLogFilter, before: string | null): string {
  const params = new URLSearchParams();
  if (filter.type) params.set('type', filter.type);
  if (filter.stream) params.set('stream', filter.stream);
  if (before) params.set('before', before);
  const query = params.toString();
  return query ? `#/events?${query}` : '#/events';
}

/** A link pasted from a chat app may arrive half-escaped; a segment that cannot be decoded is kept as typed, and the API says it is unknown. */
function decodeToken(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
