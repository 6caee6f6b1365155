import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet on every response: a strict CSP for the app (scripts and styles
 * from this origin only; no plugins, no <base> tricks, no framing), nosniff,
 * no referrer leaks. The OpenAPI page needs Swagger UI's inline script and
 * styles, so /api/docs gets its own, looser policy.
 */
const strict = helmet({
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
    },
  },
  referrerPolicy: { policy: 'same-origin' },
});

const docs = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  (request.path.startsWith('/api/docs') ? docs : strict)(request, response, next);
}
