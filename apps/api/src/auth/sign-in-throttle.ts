import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { AUTH_DB } from '../infrastructure/tokens.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An address where a member signed in stays theirs this long. */
const KNOWN_FOR = 30 * 24 * HOUR;
const PRUNE_EVERY = 500;

interface Limit {
  readonly window: number;
  readonly failures: number;
}

const PER_ACCOUNT: readonly Limit[] = [
  { window: MINUTE, failures: 10 },
  { window: HOUR, failures: 100 },
];
/** A venue's wifi is one address for a roomful of volunteers: more room (and those who joined there have their own place budget). */
const PER_ADDRESS: readonly Limit[] = [
  { window: MINUTE, failures: 30 },
  { window: HOUR, failures: 300 },
];

/** Where a sign-in comes from, as far as the throttle can tell. */
export interface SignInSource {
  readonly email: string;
  readonly address: string;
  /** The member the email belongs to, if any. */
  readonly personId: string | undefined;
  /** The digest of a device token this member signed in with before (KnownDevices), if the browser sent one. */
  readonly device: string | undefined;
}

export type Attempt =
  | { readonly allowed: false; readonly retryAfterSeconds: number }
  /** An attempt counts as a failure from its start; `succeeded` takes that count back. */
  | { readonly allowed: true; succeeded(): void };

/**
 * Failed sign-ins, counted in auth.db so restarts forget nothing. Each attempt
 * is counted in exactly one budget of about 100 guesses an hour:
 * - from a browser the member signed in with before: that browser's own budget;
 * - else from an address where they signed in before (30 days): that place's;
 * - else the account's one budget for everywhere unknown, plus the address's
 *   (larger: a room of volunteers shares it; those who joined there have
 *   their own place budget).
 * An attacker without the member's browser gets the unknown budget (and the
 * member's known places' if they sit in the same building); however many
 * guesses they make, the member's own browser and places still get in. A
 * success takes back only its own count: it never refills anyone's budget.
 * Counts start before the slow hash check, so a burst cannot slip past.
 */
@Injectable()
export class SignInThrottle {
  private readonly sql;
  private inserted = 0;

  constructor(@Inject(AUTH_DB) db: Database.Database) {
    this.sql = {
      count: db.prepare<[string, number], { n: number; oldest: number | null }>('SELECT count(*) AS n, min(at) AS oldest FROM sign_in_failures WHERE bucket = ? AND at > ?'),
      add: db.prepare('INSERT INTO sign_in_failures (bucket, at) VALUES (?, ?)'),
      take: db.prepare('DELETE FROM sign_in_failures WHERE rowid = ?'),
      prune: db.prepare('DELETE FROM sign_in_failures WHERE at <= ?'),
      prunePlaces: db.prepare('DELETE FROM known_places WHERE last_at <= ?'),
      pruneDevices: db.prepare('DELETE FROM known_devices WHERE last_at <= ?'),
      place: db.prepare<[string, string, number], number>('SELECT 1 FROM known_places WHERE person_id = ? AND address = ? AND last_at > ?').pluck(),
      remember: db.prepare('INSERT INTO known_places VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET last_at = excluded.last_at'),
    };
  }

  attempt(source: SignInSource, now: number): Attempt {
    const budgets = this.budgetsFor(source, now);
    let wait = 0;
    for (const { bucket, limits } of budgets) {
      for (const limit of limits) {
        const { n, oldest } = this.sql.count.get(bucket, now - limit.window)!;
        if (n >= limit.failures) wait = Math.max(wait, Math.ceil((oldest! + limit.window - now) / 1000));
      }
    }
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.max(wait, 1) };
    // Every budget counts the attempt from its start (a burst cannot slip past while hashes run); a success takes its count back.
    const counted = budgets.map((b) => this.add(b.bucket, now));
    return {
      allowed: true,
      succeeded: () => {
        for (const rowid of counted) this.sql.take.run(rowid);
        if (source.personId) this.rememberPlace(source.personId, source.address, now);
      },
    };
  }

  /** Joining (or setting up) from an address makes it one of the member's places too. */
  rememberPlace(personId: string, address: string, now: number): void {
    this.sql.remember.run(personId, address, now);
  }

  private budgetsFor({ email, address, personId, device }: SignInSource, now: number) {
    if (device) return [{ bucket: `device:${device}`, limits: PER_ACCOUNT }];
    if (personId && this.sql.place.get(personId, address, now - KNOWN_FOR)) {
      return [{ bucket: `place:${personId}:${address}`, limits: PER_ACCOUNT }];
    }
    return [
      { bucket: `account:${email}`, limits: PER_ACCOUNT },
      { bucket: `address:${address}`, limits: PER_ADDRESS },
    ];
  }

  private add(bucket: string, now: number): number | bigint {
    if (++this.inserted % PRUNE_EVERY === 0) {
      // What no longer counts goes: failures after an hour, places after 30 days, browsers after a year.
      this.sql.prune.run(now - HOUR);
      this.sql.prunePlaces.run(now - KNOWN_FOR);
      this.sql.pruneDevices.run(now - 365 * 24 * HOUR);
    }
    return this.sql.add.run(bucket, now).lastInsertRowid;
  }
}
