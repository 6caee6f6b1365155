import type { Position } from './types.js';

export function positionOf(value: bigint | number): Position {
  const n = BigInt(value);
  return { commit: n, prepare: n };
}

export function comparePositions(a: Position, b: Position): number {
  return a.commit === b.commit ? 0 : a.commit < b.commit ? -1 : 1;
}

/** Positions cross HTTP and sockets as decimal strings of the commit position. */
export function formatPosition(position: Position | undefined): string {
  return position ? position.commit.toString() : '0';
}

export function parsePosition(text: string): Position | undefined {
  if (!/^\d{1,19}$/.test(text)) return undefined;
  return positionOf(BigInt(text));
}
