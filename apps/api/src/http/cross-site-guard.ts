import type { NextFunction, Request, Response } from 'express';
import { isCrossSite } from '../live/same-origin.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF defence for every state change: SameSite cookies plus a same-origin check (Fetch Metadata, Origin). */
export function crossSiteGuard(request: Request, response: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(request.method) || !isCrossSite(request.headers)) return next();
  response.status(403).json({ statusCode: 403, error: 'Forbidden', message: 'Cross-site requests may not change anything' });
}
