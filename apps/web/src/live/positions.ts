/**
 * Log positions are decimal strings of 64-bit integers: beyond 2^53 a Number
 * would round, so they are compared as BigInt. Null for anything else, so a
 * malformed position is dropped rather than throwing inside a socket handler.
 */
export function toPosition(text: string): bigint | null {
  return /^\d{1,20}$/.test(text) ? BigInt(text) : null;
}
