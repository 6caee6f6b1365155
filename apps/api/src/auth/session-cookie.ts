import type { CookieOptions, Request, Response } from 'express';
import { SESSION_ABSOLUTE_MS } from './sessions.js';

/** `__Host-` pins the cookie to this host and path /, but browsers accept it only with Secure (TLS). */
export const cookieName = (secure: boolean) => (secure ? '__Host-textbank_session' : 'textbank_session');

const options = (secure: boolean): CookieOptions => ({ httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: SESSION_ABSOLUTE_MS });

export function setSessionCookie(response: Response, token: string, secure: boolean): void {
  response.cookie(cookieName(secure), token, options(secure));
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(cookieName(secure), { ...options(secure), maxAge: undefined });
}

export function sessionTokenFrom(request: Request, secure: boolean): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[cookieName(secure)];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
