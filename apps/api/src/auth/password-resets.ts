import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { AUTH_DB } from '../infrastructure/tokens.js';

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN_SHAPE = /^[\w-]{43}$/;

export type ResetLookup = { ok: true; personId: string; issuedBy: string | null } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** Reset links' secrets: only hashes, never in the log; each usable once, until it expires. */
@Injectable()
export class PasswordResets {
  private readonly sql;

  constructor(@Inject(AUTH_DB) private readonly db: Database.Database) {
    this.sql = {
      insert: db.prepare('INSERT INTO password_resets (token_hash, person_id, expires_at, issued_by) VALUES (?, ?, ?, ?)'),
      retire: db.prepare('DELETE FROM password_resets WHERE person_id = ? AND used_at IS NULL'),
      find: db.prepare<[string], { person_id: string; expires_at: number; used_at: number | null; issued_by: string | null }>(
        'SELECT person_id, expires_at, used_at, issued_by FROM password_resets WHERE token_hash = ?',
      ),
      use: db.prepare('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?'),
      unuse: db.prepare('UPDATE password_resets SET used_at = NULL WHERE token_hash = ?'),
    };
  }

  /** A new link; any older unused link for the person stops working (only the latest one handed out is live). */
  create(personId: string, expiresAt: number, issuedBy: string): string {
    const token = randomBytes(32).toString('base64url');
    this.db.transaction(() => {
      this.sql.retire.run(personId);
      this.sql.insert.run(digest(token), personId, expiresAt, issuedBy);
    }).immediate();
    return token;
  }

  find(token: string, now: number): ResetLookup {
    const row = TOKEN_SHAPE.test(token) ? this.sql.find.get(digest(token)) : undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.used_at !== null) return { ok: false, reason: 'used' };
    if (row.expires_at <= now) return { ok: false, reason: 'expired' };
    return { ok: true, personId: row.person_id, issuedBy: row.issued_by };
  }

  /** Claims the link once, however many tabs submit it at the same moment. */
  use(token: string, now: number): boolean {
    return this.sql.use.run(now, digest(token), now).changes === 1;
  }

  /** Gives the link back when recording the reset failed. */
  release(token: string): void {
    this.sql.unuse.run(digest(token));
  }
}
