import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { AUTH_DB } from '../infrastructure/tokens.js';

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN_SHAPE = /^[\w-]{43}$/;

/**
 * The secret in an invite link, never in the log. Looked up by its hash; a
 * volunteer link's token is also kept (organizers re-share it all night), a
 * named invite's is not. Uses are claimed here atomically, so a limit of 500
 * lets exactly 500 in however many arrive at once.
 */
@Injectable()
export class InviteTokens {
  private readonly sql;

  constructor(@Inject(AUTH_DB) db: Database.Database) {
    this.sql = {
      insert: db.prepare('INSERT INTO invite_tokens (token_hash, invite_id, max_uses, token) VALUES (?, ?, ?, ?)'),
      replace: db.prepare('UPDATE invite_tokens SET token_hash = ?, token = CASE WHEN token IS NULL THEN NULL ELSE ? END WHERE invite_id = ?'),
      kept: db.prepare<[string], string | null>('SELECT token FROM invite_tokens WHERE invite_id = ?').pluck(),
      find: db.prepare<[string], string>('SELECT invite_id FROM invite_tokens WHERE token_hash = ?').pluck(),
      claim: db.prepare('UPDATE invite_tokens SET uses = uses + 1 WHERE invite_id = ? AND (max_uses IS NULL OR uses < max_uses)'),
      release: db.prepare('UPDATE invite_tokens SET uses = uses - 1 WHERE invite_id = ? AND uses > 0'),
    };
  }

  create(inviteId: string, maxUses: number | undefined, { keep }: { keep: boolean }): string {
    const token = randomBytes(32).toString('base64url');
    this.sql.insert.run(digest(token), inviteId, maxUses ?? null, keep ? token : null);
    return token;
  }

  /** A new secret for the same invite (its uses stay): the old link stops working at once. */
  renew(inviteId: string): string | undefined {
    const token = randomBytes(32).toString('base64url');
    return this.sql.replace.run(digest(token), token, inviteId).changes === 1 ? token : undefined;
  }

  /** A volunteer link's token, to show again; undefined for named invites. */
  keptToken(inviteId: string): string | undefined {
    return this.sql.kept.get(inviteId) ?? undefined;
  }

  inviteIdOf(token: string): string | undefined {
    return TOKEN_SHAPE.test(token) ? this.sql.find.get(digest(token)) : undefined;
  }

  /** False when the invite is used up. */
  claimUse(inviteId: string): boolean {
    return this.sql.claim.run(inviteId).changes === 1;
  }

  releaseUse(inviteId: string): void {
    this.sql.release.run(inviteId);
  }
}
