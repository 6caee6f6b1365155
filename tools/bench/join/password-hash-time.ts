import { createRequire } from 'node:module';
import { median } from '../shared/percentiles.js';

/** The API's setting (PasswordHasher in apps/api): argon2id (algorithm 2), 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

type Hash = (password: string, options: typeof ARGON2_OPTIONS) => Promise<string>;

/**
 * @node-rs/argon2 is the API's dependency, not the tools': it is loaded from
 * where the API resolves it, so this is the very copy the API hashes with.
 */
function argon2Hash(): Hash {
  const apiEntry = createRequire(import.meta.url).resolve('@textbank/api');
  const { hash } = createRequire(apiEntry)('@node-rs/argon2') as { hash: Hash };
  return hash;
}

export interface HashTiming {
  /** The median time of one hash, one at a time on an idle thread pool. */
  readonly medianMs: number;
  /** Hashes a second with the thread pool kept full, as under a crowd: what the machine really gives, cores and neighbours included. */
  readonly perSecond: number;
}

/**
 * How long the API's password hash takes here: one at a time (after one
 * unmeasured hash), then a burst of `burst` at once. A join hashes once and a
 * sign-in verifies once (the same work), so a crowd needs two a volunteer.
 */
export async function timeHashing(samples: number, burst: number): Promise<HashTiming> {
  const hash = argon2Hash();
  await hash('warm-up-password', ARGON2_OPTIONS);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const startedAt = performance.now();
    await hash(`bench-password-${i}`, ARGON2_OPTIONS);
    times.push(performance.now() - startedAt);
  }
  const burstStartedAt = performance.now();
  await Promise.all(Array.from({ length: burst }, (_, i) => hash(`bench-burst-password-${i}`, ARGON2_OPTIONS)));
  const perSecond = burst / ((performance.now() - burstStartedAt) / 1000);
  return { medianMs: median(times), perSecond };
}
