import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { findPerson, findPersonByEmail, type ProjectionRunner } from '@textbank/projections';
import { AUTH_DB, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';

/** A reservation whose PersonJoined never landed (a crash in between) frees its email after this long. */
const STALE_RESERVATION_MS = 60_000;

export type Reservation = { ok: true } | { ok: false; reason: 'email-taken' };

/**
 * Password hashes by person, with the email reserved (UNIQUE) before the
 * join is recorded. A hash whose person never joined is inert, and its email
 * is given back once the reservation is stale and no member has the address.
 */
@Injectable()
export class Credentials {
  private readonly sql;

  constructor(
    @Inject(AUTH_DB) private readonly db: Database.Database,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
  ) {
    this.sql = {
      insert: db.prepare('INSERT INTO credentials (person_id, email, password_hash, updated_at) VALUES (?, ?, ?, ?)'),
      byEmail: db.prepare<[string], { person_id: string; updated_at: number }>('SELECT person_id, updated_at FROM credentials WHERE email = ?'),
      remove: db.prepare('DELETE FROM credentials WHERE person_id = ?'),
      hash: db.prepare<[string], string>('SELECT password_hash FROM credentials WHERE person_id = ?').pluck(),
      setHash: db.prepare('UPDATE credentials SET password_hash = ?, updated_at = ? WHERE person_id = ?'),
      setEmail: db.prepare('UPDATE credentials SET email = ?, updated_at = ? WHERE person_id = ?'),
      emailOf: db.prepare<[string], string>('SELECT email FROM credentials WHERE person_id = ?').pluck(),
      signedIn: db.prepare('UPDATE credentials SET signed_in_at = ? WHERE person_id = ?'),
      everSignedIn: db.prepare<[string], number | null>('SELECT signed_in_at FROM credentials WHERE person_id = ?').pluck(),
    };
  }

  reserve(personId: string, email: string, passwordHash: string, now = Date.now()): Reservation {
    // IMMEDIATE: instances sharing auth.db (AUTH_DB_PATH) queue for the write lock instead of
    // failing when another one wrote between this read and this write.
    return this.db.transaction((): Reservation => {
      const holder = this.sql.byEmail.get(email);
      if (holder) {
        const stale = now - holder.updated_at > STALE_RESERVATION_MS && this.readModelsTrusted() && !this.isMember(holder.person_id, email);
        if (!stale) return { ok: false, reason: 'email-taken' };
        this.sql.remove.run(holder.person_id);
      }
      this.sql.insert.run(personId, email, passwordHash, now);
      return { ok: true };
    }).immediate();
  }

  /** Only read models that follow the log live can say that a join never landed. */
  private readModelsTrusted(): boolean {
    const status = this.projections.status();
    return status.caughtUp && status.failed === undefined;
  }

  private isMember(personId: string, email: string): boolean {
    const person = findPerson(this.readModels, personId);
    return (!!person && person.status !== 'removed') || !!findPersonByEmail(this.readModels, email);
  }

  /**
   * Moves a member's reservation to a new address (UNIQUE, so it stays theirs
   * alone). Answers a function that puts the old one back, for when the
   * EmailChanged event is refused.
   */
  reserveNewEmail(personId: string, email: string, now = Date.now()): { ok: true; undo: () => void } | { ok: false; reason: 'email-taken' | 'unknown' } {
    return this.db.transaction(() => {
      const old = this.sql.emailOf.get(personId);
      if (old === undefined) return { ok: false as const, reason: 'unknown' as const };
      const holder = this.sql.byEmail.get(email);
      if (holder && holder.person_id !== personId) {
        const stale = now - holder.updated_at > STALE_RESERVATION_MS && this.readModelsTrusted() && !this.isMember(holder.person_id, email);
        if (!stale) return { ok: false as const, reason: 'email-taken' as const };
        this.sql.remove.run(holder.person_id);
      }
      this.sql.setEmail.run(email, now, personId);
      return { ok: true as const, undo: () => this.sql.setEmail.run(old, now, personId) };
    }).immediate();
  }

  setPassword(personId: string, passwordHash: string, now = Date.now()): boolean {
    return this.sql.setHash.run(passwordHash, now, personId).changes === 1;
  }

  /** Recorded at each sign-in with a password; an owner may remove only members who never did. */
  markSignedIn(personId: string, now = Date.now()): void {
    this.sql.signedIn.run(now, personId);
  }

  everSignedIn(personId: string): boolean {
    return this.sql.everSignedIn.get(personId) != null;
  }

  /** Gives a reservation back when its join was refused. */
  release(personId: string): void {
    this.sql.remove.run(personId);
  }

  hashOf(personId: string): string | undefined {
    return this.sql.hash.get(personId);
  }
}
