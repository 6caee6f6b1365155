import type { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';

const SERVER_PATHS = /^\/(api|socket\.io|metrics)(\/|$)/;

/** The web app routes in the browser: any other GET for a page gets index.html. */
export function spaFallback(webDist: string) {
  const index = join(webDist, 'index.html');
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || SERVER_PATHS.test(request.path) || !request.accepts('html')) return next();
    response.sendFile(index);
  };
}
