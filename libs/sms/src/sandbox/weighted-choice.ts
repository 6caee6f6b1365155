/**
 * One entry, drawn with probability weight / total weight. `random` returns a
 * number in [0, 1), like Math.random.
 */
export function pickWeighted<T>(entries: readonly T[], weightOf: (entry: T) => number, random: () => number): T {
  const candidates = entries.filter((entry) => weightOf(entry) > 0);
  if (candidates.length === 0) throw new Error('pickWeighted needs at least one entry with a positive weight');
  const total = candidates.reduce((sum, entry) => sum + weightOf(entry), 0);
  let point = random() * total;
  for (const entry of candidates) {
    point -= weightOf(entry);
    if (point < 0) return entry;
  }
  // floating-point leftovers (point a hair above 0 after the last step) belong to the last entry
  return candidates[candidates.length - 1]!;
}
