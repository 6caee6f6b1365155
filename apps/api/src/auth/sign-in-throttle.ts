import { Injectable } from '@nestjs/common';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/**
 * Failed sign-ins allowed: a burst per minute and a ceiling per hour, per
 * account and per client address. An address gets a larger burst: a room of
 * volunteers on one venue wifi shares it, and their typos must not lock
 * everyone out at the start of a texting night.
 */
const LIMITS = {
  account: [
    { window: MINUTE, failures: 10 },
    { window: HOUR, failures: 100 },
  ],
  address: [
    { window: MINUTE, failures: 30 },
    { window: HOUR, failures: 100 },
  ],
} as const;
/** Keys remembered at most (an attacker cycling emails must not grow memory without end). */
const MAX_KEYS = 100_000;

/**
 * Slows guessing to about 100 tries an hour per account and per address,
 * without a permanent lock: once the oldest failure leaves the window, a try
 * is allowed again. Over the limit, sign-ins are refused without checking the
 * hash (no argon2 work for an attacker to queue up).
 */
@Injectable()
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Seconds to wait, or 0 when a try is allowed. */
  retryAfter(email: string, address: string, now: number): number {
    let wait = 0;
    for (const key of keysOf(email, address)) {
      const recent = this.recent(key, now);
      for (const limit of LIMITS[key.startsWith('account:') ? 'account' : 'address']) {
        const inWindow = recent.filter((t) => now - t < limit.window);
        if (inWindow.length >= limit.failures) wait = Math.max(wait, Math.ceil((inWindow[0]! + limit.window - now) / 1000));
      }
    }
    return wait;
  }

  recordFailure(email: string, address: string, now: number): void {
    for (const key of keysOf(email, address)) {
      if (!this.failures.has(key) && this.failures.size >= MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  /** The right password clears the account's failures (not the address's: others may share it). */
  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < HOUR);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}

const keysOf = (email: string, address: string) => [`account:${email}`, `address:${address}`];
