import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { SESSIONS_DB } from '../infrastructure/tokens.js';

/** Signed-in sessions end after this long without a request ... */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** ... and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** The stored form of a session token; also names its sockets' room. */
export const sessionDigest = (token: string) => createHash('sha256').update(token).digest('base64url');
const digest = sessionDigest;

/**
 * Why a session is looked up: a `request` the person made (HTTP) is activity and
 * keeps the session alive; a `check` (socket handshake, sync, sweep) only reads it.
 * Sockets reconnect and sync by themselves, so an idle open tab must not count.
 */
export type SessionUse = 'request' | 'check';

/** A session (by digest) or all of a person's sessions ended: their sockets must close too. */
export type SessionsEnded = { readonly digest: string } | { readonly personId: string };

/**
 * Server-side sessions. The browser holds a random token; only its SHA-256
 * is stored, so a copy of the database cannot be used to sign in.
 */
@Injectable()
export class Sessions {
  private readonly sql;
  private readonly endedListeners = new Set<(ended: SessionsEnded) => void>();

  constructor(@Inject(SESSIONS_DB) db: Database.Database) {
    this.sql = {
      insert: db.prepare('INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)'),
      find: db.prepare<[string], { person_id: string; created_at: number; last_seen_at: number }>(
        'SELECT person_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?',
      ),
      touch: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?'),
      end: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      endAll: db.prepare('DELETE FROM sessions WHERE person_id = ?'),
      lastActive: db.prepare<[], { person_id: string; last: number }>('SELECT person_id, max(last_seen_at) AS last FROM sessions GROUP BY person_id'),
    };
  }

  /** A new token for every sign-in: the session id rotates at sign-in. */
  create(personId: string, now = Date.now()): string {
    const token = randomBytes(32).toString('base64url');
    this.sql.insert.run(digest(token), personId, now, now);
    return token;
  }

  /** The person a live token belongs to; a request touches it; undefined (and forgotten) once expired. */
  resolve(token: string, now = Date.now(), use: SessionUse = 'request'): string | undefined {
    if (token.length > 100) return undefined;
    const hash = digest(token);
    const row = this.sql.find.get(hash);
    if (!row) return undefined;
    if (now - row.last_seen_at > SESSION_IDLE_MS || now - row.created_at > SESSION_ABSOLUTE_MS) {
      // Forgotten quietly: the gateway's sweep (or the sync that found it) closes its sockets.
      this.sql.end.run(hash);
      return undefined;
    }
    if (use === 'request' && now - row.last_seen_at > TOUCH_EVERY_MS) this.sql.touch.run(now, hash);
    return row.person_id;
  }

  end(token: string): void {
    this.sql.end.run(digest(token));
    this.announce({ digest: digest(token) });
  }

  endAllFor(personId: string): void {
    this.sql.endAll.run(personId);
    this.announce({ personId });
  }

  onEnded(listener: (ended: SessionsEnded) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private announce(ended: SessionsEnded): void {
    for (const listener of this.endedListeners) listener(ended);
  }

  /** When each person last made a request (to the minute), from their live sessions. */
  lastActiveByPerson(): Map<string, string> {
    return new Map(this.sql.lastActive.all().map((row) => [row.person_id, new Date(row.last).toISOString()]));
  }
}
