import type { IncomingHttpHeaders } from 'node:http';

/**
 * A browser request from another site must not act with our cookies. Browsers
 * send Sec-Fetch-Site and (on cross-origin requests) Origin; requests without
 * either come from non-browser clients, which carry no ambient cookies.
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}
