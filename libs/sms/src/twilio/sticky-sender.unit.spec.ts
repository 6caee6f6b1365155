import { describe, expect, it } from 'vitest';
import { stickySender } from './sticky-sender.js';

const pool = ['+15005550001', '+15005550002', '+15005550003'];
const contacts = Array.from({ length: 600 }, (_, i) => `+1212555${String(1000 + i)}`);

describe('stickySender', () => {
  it('gives a contact the same number every time and spreads contacts over the pool', () => {
    const first = contacts.map((c) => stickySender(pool, c));
    expect(contacts.map((c) => stickySender(pool, c))).toEqual(first);
    for (const n of pool) expect(first.filter((f) => f === n).length).toBeGreaterThan(150);
  });

  it('adding a number moves only the contacts it wins; the rest keep theirs', () => {
    const before = contacts.map((c) => stickySender(pool, c));
    const after = contacts.map((c) => stickySender([...pool, '+15005550004'], c));
    const moved = contacts.filter((_, i) => before[i] !== after[i]);
    expect(moved.every((_, i) => after[contacts.indexOf(moved[i]!)] === '+15005550004')).toBe(true);
    expect(moved.length).toBeLessThan(220);
  });
});
