import { INBOX_VIEWS, type InboxView } from '../inbox/inbox-views';
import { readReviewFilter, reviewQuery, type ReviewFilter } from '../review/review-filter';

/** Event log filters as they appear in the URL; '' means "any". */
export interface EventLogFilter {
  type: string;
  stream: string;
}

/**
 * Every screen, read from the hash (#/campaigns, #/campaigns/<id>, #/events?type=…, #/join/<token>,
 * #/reset/<token>, #/sign-in?email=…, #/campaigns/<id>/text, #/campaigns/<id>/review?view=…&texterId=…,
 * #/inbox?view=…&search=…, #/inbox/<contactId>, #/sandbox-phone?phone=…). The event log, the inbox and
 * message review keep their filters in the hash so links and Back work.
 * `join` and `reset` are public (the link's token is the credential); `sign-in` is the sign-in screen
 * with an address filled in, and leads home once signed in; the rest sit behind sign-in and a role guard (route-guard.ts).
 */
export type Route =
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  /** The texting screen: the next contact of one campaign and a Send button. */
  | { name: 'text'; campaignId: string }
  /** A campaign's live dashboard (staff and auditors). */
  | { name: 'dashboard'; campaignId: string }
  /** Every active campaign at a glance (staff and auditors). */
  | { name: 'overview' }
  /** Message review: every conversation of one campaign, filtered (staff and auditors). */
  | { name: 'review'; campaignId: string; filter: ReviewFilter }
  | { name: 'inbox'; view: InboxView; search: string }
  | { name: 'thread'; contactId: string }
  | { name: 'sandbox-phone'; phone: string }
  | { name: 'events'; filter: EventLogFilter; before: string | null }
  | { name: 'people' }
  | { name: 'tags' }
  | { name: 'opt-outs' }
  | { name: 'home' }
  | { name: 'join'; token: string }
  | { name: 'reset'; token: string }
  | { name: 'sign-in'; email: string };

export const NEWEST_EVENTS: Route = { name: 'events', filter: { type: '', stream: '' }, before: null };

/** The inbox as it opens: what needs a reply, no search. */
export const INBOX: Route = { name: 'inbox', view: 'needs_reply', search: '' };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const mark = text.indexOf('?');
  const path = mark === -1 ? text : text.slice(0, mark);
  const query = mark === -1 ? '' : text.slice(mark + 1);
  if (path === '/people') return { name: 'people' };
  if (path === '/tags') return { name: 'tags' };
  if (path === '/opt-outs') return { name: 'opt-outs' };
  if (path === '/home') return { name: 'home' };
  if (path === '/overview') return { name: 'overview' };
  const dashboard = /^\/campaigns\/([^/]+)\/dashboard$/.exec(path);
  if (dashboard) return { name: 'dashboard', campaignId: decodeToken(dashboard[1]!) };
  const texting = /^\/campaigns\/([^/]+)\/text$/.exec(path);
  if (texting) return { name: 'text', campaignId: decodeToken(texting[1]!) };
  const review = /^\/campaigns\/([^/]+)\/review$/.exec(path);
  if (review) return { name: 'review', campaignId: decodeToken(review[1]!), filter: readReviewFilter(new URLSearchParams(query)) };
  if (path.startsWith('/inbox/') && path.length > '/inbox/'.length) return { name: 'thread', contactId: decodeToken(path.slice('/inbox/'.length)) };
  if (path.startsWith('/campaigns/') && path.length > '/campaigns/'.length) return { name: 'campaign', id: decodeToken(path.slice('/campaigns/'.length)) };
  if (path === '/join' || path.startsWith('/join/')) return { name: 'join', token: decodeToken(path.slice('/join/'.length)) };
  if (path === '/reset' || path.startsWith('/reset/')) return { name: 'reset', token: decodeToken(path.slice('/reset/'.length)) };
  const params = new URLSearchParams(query);
  if (path === '/sign-in') return { name: 'sign-in', email: params.get('email') ?? '' };
  if (path === '/inbox') return { name: 'inbox', view: inboxView(params.get('view')), search: params.get('search') ?? '' };
  if (path === '/sandbox-phone') return { name: 'sandbox-phone', phone: params.get('phone') ?? '' };
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
    case 'overview':
      return `#/${route.name}`;
    case 'dashboard':
      return `#/campaigns/${encodeURIComponent(route.campaignId)}/dashboard`;
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}`;
    case 'text':
      return `#/campaigns/${encodeURIComponent(route.campaignId)}/text`;
    case 'review':
      return withQuery(`#/campaigns/${encodeURIComponent(route.campaignId)}/review`, reviewQuery(route.filter));
    case 'thread':
      return `#/inbox/${encodeURIComponent(route.contactId)}`;
    case 'inbox':
      return withQuery('#/inbox', { view: route.view === 'needs_reply' ? '' : route.view, search: route.search });
    case 'sandbox-phone':
      return withQuery('#/sandbox-phone', { phone: route.phone });
    case 'join':
    case 'reset':
      return `#/${route.name}/${encodeURIComponent(route.token)}`;
    case 'sign-in':
      return withQuery('#/sign-in', { email: route.email });
    case 'events':
      return withQuery('#/events', { type: route.filter.type, stream: route.filter.stream, before: route.before ?? '' });
    default:
      return route satisfies never;
  }
}

/** The inbox opens on what needs an answer; an unknown view in a hand-edited link does too. */
function inboxView(text: string | null): InboxView {
  return INBOX_VIEWS.find((view) => view === text) ?? 'needs_reply';
}

/** The path with the values that are set, in the order given ('' leaves one out). */
function withQuery(path: string, values: Record<string, string>): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** A link pasted from a chat app may arrive half-escaped; a segment that cannot be decoded is kept as typed, and the API says it is unknown. */
function decodeToken(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
