import type { NextFunction, Request, Response } from 'express';

/**
 * Behind a proxy without TRUST_PROXY, every request seems to come from the
 * proxy: all sign-ins share one address (one throttle budget, one known place).
 * Says so once, on the first request that carries forwarding headers.
 */
export function proxyHeadersWarning(trustProxy: number, warn: (message: string) => void) {
  let warned = trustProxy > 0;
  return (request: Request, _response: Response, next: NextFunction) => {
    if (!warned && (request.headers['x-forwarded-for'] !== undefined || request.headers['forwarded'] !== undefined)) {
      warned = true;
      warn(
        'Requests carry X-Forwarded-For / Forwarded headers but TRUST_PROXY is not set: every client looks like the proxy, ' +
          'so sign-in throttling and known places treat everyone as one address. Set TRUST_PROXY to the number of proxies in front of Textbank.',
      );
    }
    next();
  };
}
