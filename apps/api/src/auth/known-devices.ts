import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { CookieOptions, Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { AUTH_DB } from '../infrastructure/tokens.js';

const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN_SHAPE = /^[\w-]{43}$/;

/** `__Host-` needs TLS, as the session cookie does. */
const deviceCookieName = (secure: boolean) => (secure ? '__Host-textbank_device' : 'textbank_device');
const options = (secure: boolean): CookieOptions => ({ httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: DEVICE_LIFETIME_MS });

/**
 * Browsers a member has signed in with ("device cookies", as OWASP calls
 * them): a random token in a long-lived cookie, stored as a hash with the
 * people who signed in with it. Sign-ins from a recognised browser are
 * counted on their own, so an attacker's guesses elsewhere (or at the same
 * venue) never lock the real person out of their own browser.
 */
@Injectable()
export class KnownDevices {
  private readonly sql;

  constructor(@Inject(AUTH_DB) db: Database.Database) {
    this.sql = {
      remember: db.prepare('INSERT INTO known_devices VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET last_at = excluded.last_at'),
      find: db.prepare<[string, string, number], number>('SELECT 1 FROM known_devices WHERE token_hash = ? AND person_id = ? AND last_at > ?').pluck(),
      forget: db.prepare('DELETE FROM known_devices WHERE person_id = ?'),
    };
  }

  /** The digest of this request's device token when it was used by `personId` (within a year), else undefined. */
  recognise(request: Request, personId: string | undefined, secure: boolean, now: number): string | undefined {
    const token = tokenOf(request, secure);
    if (!token || !personId) return undefined;
    const hash = digest(token);
    return this.sql.find.get(hash, personId, now - DEVICE_LIFETIME_MS) ? hash : undefined;
  }

  /** After a successful sign-in (or join): this browser is now one of theirs. */
  remember(request: Request, response: Response, personId: string, secure: boolean, now: number): void {
    const token = tokenOf(request, secure) ?? randomBytes(32).toString('base64url');
    this.sql.remember.run(digest(token), personId, now);
    response.cookie(deviceCookieName(secure), token, options(secure));
  }

  /** A password reset: browsers that knew the old password are trusted no longer. */
  forgetAllFor(personId: string): void {
    this.sql.forget.run(personId);
  }
}

function tokenOf(request: Request, secure: boolean): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[deviceCookieName(secure)];
  return typeof value === 'string' && TOKEN_SHAPE.test(value) ? value : undefined;
}
