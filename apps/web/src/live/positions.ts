/**
 * Log positions are decimal strings of 64-bit integers: beyond 2^53 a
 * Number would round, so they are compared as BigInt.
 */
export function toPosition(text: string): bigint | null {
  return /^\d{1,20}$/.test(text) ? BigInt(text) : null;
}

export function isAfter(position: string, reference: string): boolean {
  const a = toPosition(position);
  const b = toPosition(reference);
  return a !== null && b !== null && a > b;
}
