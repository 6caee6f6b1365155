import { createHash } from 'node:crypto';

/**
 * The number a contact always hears from, out of a pool: rendezvous hashing
 * (the number with the highest hash of contact + number wins). A contact
 * keeps their number as long as it stays in the pool; adding a number moves
 * only the contacts it wins (1 in n+1), removing one moves only its own.
 */
export function stickySender(pool: readonly string[], to: string): string {
  let best = pool[0]!;
  let bestScore = -1n;
  for (const from of pool) {
    const score = createHash('sha256').update(`${to}|${from}`).digest().readBigUInt64BE(0);
    if (score > bestScore) [best, bestScore] = [from, score];
  }
  return best;
}
