import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet on every response: a strict CSP for the app (scripts and styles
 * from this origin only; no plugins, no <base> tricks, no framing), nosniff,
 * no referrer leaks. The OpenAPI page needs Swagger UI's inline script and
 * styles, so /api/docs gets its own, looser policy.
 */
const strict = (tls: boolean) => helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Svelte sets style attributes for transitions and dynamic sizes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      // Only over TLS: on a plain-HTTP install (a LAN box) it would send the browser to https.
      upgradeInsecureRequests: tls ? [] : null,
    },
  },
  referrerPolicy: { policy: 'same-origin' },
});

const docs = (tls: boolean) => helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: tls ? [] : null,
    },
  },
});

/** `tls`: served over TLS (COOKIE_SECURE), so browsers may be told to upgrade any http request. */
export function securityHeaders(tls: boolean) {
  const app = strict(tls);
  const openApi = docs(tls);
  return (request: Request, response: Response, next: NextFunction): void => {
    (request.path.startsWith('/api/docs') ? openApi : app)(request, response, next);
  };
}
