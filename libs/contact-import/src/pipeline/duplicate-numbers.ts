const EMPTY = 0; // no E.164 number is 0

/**
 * Numbers already accepted in this file, with the row that had each first: an
 * open-addressing hash table over typed arrays, keyed by the E.164 digits as a
 * number (at most 15 digits, exact in a double). 12 bytes a slot, no garbage:
 * about 24 MB at 1,000,000 numbers, where a Map<number, number> takes 50 MB
 * of heap and keeps the collector busy.
 */
export class DuplicateNumbers {
  private keys = new Float64Array(1 << 16);
  private rows = new Uint32Array(1 << 16);
  private size = 0;

  /** The earlier row with this number, or undefined (and the number is remembered with `row`). */
  earlierRowOf(e164: string, row: number): number | undefined {
    const key = Number(e164.slice(1));
    const slot = this.slotOf(key);
    if (this.keys[slot] === key) return this.rows[slot];
    this.keys[slot] = key;
    this.rows[slot] = row;
    if (++this.size * 10 > this.keys.length * 7) this.grow();
    return undefined;
  }

  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    while (this.keys[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Uint32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const slot = this.slotOf(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}

/** murmur3's finaliser over both halves of the number: neighbouring numbers land far apart. */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 0x100000000), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
