import { Injectable } from '@nestjs/common';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const KNOWN_FOR = 30 * 24 * HOUR;

interface Limit {
  readonly window: number;
  readonly failures: number;
}

/**
 * Failed sign-ins allowed, as a burst per minute and a ceiling per hour:
 * - per account: about 100 guesses an hour, from however many addresses;
 * - per account and address: the same, so one address cannot use up more;
 * - per address: larger, since a room of volunteers on one venue wifi shares it.
 * From an address where the account signed in before, only the pair limit
 * applies: an attacker elsewhere cannot lock the real user out.
 */
const LIMITS: Record<'account' | 'pair' | 'address', readonly Limit[]> = {
  account: [
    { window: MINUTE, failures: 10 },
    { window: HOUR, failures: 100 },
  ],
  pair: [
    { window: MINUTE, failures: 10 },
    { window: HOUR, failures: 100 },
  ],
  address: [
    { window: MINUTE, failures: 30 },
    { window: HOUR, failures: 300 },
  ],
};
/** Keys remembered at most (an attacker cycling emails must not grow memory without end). */
const MAX_KEYS = 100_000;

export type Attempt =
  | { readonly allowed: false; readonly retryAfterSeconds: number }
  | { readonly allowed: true; succeeded(): void; failed(): void };

/**
 * Slows guessing without a permanent lock. For the account (and the account
 * at this address) an attempt counts as a failure from the moment it starts,
 * before the slow hash check, so guesses sent all at once cannot slip past
 * the limit; a success takes it back. An address counts only real failures:
 * a roomful of volunteers signing in at once behind one address is not a
 * burst of guesses. Over a limit, sign-ins are refused without checking the hash.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly knownAddresses = new Map<string, Map<string, number>>();

  attempt(email: string, address: string, now: number): Attempt {
    const keys = this.keysFor(email, address, now);
    let wait = 0;
    for (const [key, limits] of keys) {
      const recent = this.recent(key, now);
      for (const limit of limits) {
        const inWindow = recent.filter((t) => now - t < limit.window);
        if (inWindow.length >= limit.failures) wait = Math.max(wait, Math.ceil((inWindow[0]! + limit.window - now) / 1000));
      }
    }
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
    const addressKey = `address:${address}`;
    const pending = keys.map(([key]) => key).filter((key) => key !== addressKey);
    for (const key of pending) this.remember(key, now);
    return {
      allowed: true,
      failed: () => this.remember(addressKey, now),
      succeeded: () => {
        for (const key of pending) this.forget(key, now);
        this.failures.delete(`account:${email}`);
        this.failures.delete(`pair:${email}:${address}`);
        const known = this.knownAddresses.get(email) ?? new Map<string, number>();
        this.knownAddresses.set(email, known.set(address, now));
      },
    };
  }

  private keysFor(email: string, address: string, now: number): Array<[string, readonly Limit[]]> {
    const knownAt = this.knownAddresses.get(email)?.get(address);
    const known = knownAt !== undefined && now - knownAt < KNOWN_FOR;
    return [
      ...(known ? [] : [[`account:${email}`, LIMITS.account] as [string, readonly Limit[]]]),
      [`pair:${email}:${address}`, LIMITS.pair],
      [`address:${address}`, LIMITS.address],
    ];
  }

  private remember(key: string, now: number): void {
    if (!this.failures.has(key) && this.failures.size >= MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  private forget(key: string, now: number): void {
    const recent = this.failures.get(key);
    const index = recent?.lastIndexOf(now) ?? -1;
    if (recent && index >= 0) recent.splice(index, 1);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < HOUR);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}
