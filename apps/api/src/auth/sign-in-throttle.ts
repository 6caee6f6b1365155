import { Injectable } from '@nestjs/common';

const WINDOW_MS = 60_000;
/** Failed sign-ins allowed per account and per client address in a minute (~600/hour at most, far fewer in practice). */
const FAILURES_PER_WINDOW = 10;

/**
 * Slows guessing without locking anyone out for long: after too many
 * failures in a minute, sign-ins for that account or address are refused
 * without checking the hash until the window has passed.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Seconds to wait, or 0 when a try is allowed. */
  retryAfter(email: string, address: string, now = Date.now()): number {
    let wait = 0;
    for (const key of this.keys(email, address)) {
      const recent = this.recent(key, now);
      if (recent.length >= FAILURES_PER_WINDOW) wait = Math.max(wait, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000));
    }
    return wait;
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    for (const key of this.keys(email, address)) this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private keys(email: string, address: string): string[] {
    return [`account:${email}`, `address:${address}`];
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}
