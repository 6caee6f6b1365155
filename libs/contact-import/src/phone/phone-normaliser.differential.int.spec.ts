import { describe, expect, it } from 'vitest';
import { PhoneNormaliser } from './phone-normaliser.js';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * 100,000 varied phone cells: plain NANP formats (with +1, 1 or no prefix)
 * over a limited set of prefixes so the memo answers most of them, suffixes
 * varied; invalid exchanges and area codes; extensions, letters, short and
 * long strings, non-US and non-NANP numbers, stray characters.
 */
function variedInputs(count: number): string[] {
  const next = random(20_241);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  const prefixes = Array.from({ length: 3_000 }, () => `${Math.floor(next() * 10)}${digits(2)}${Math.floor(next() * 10)}${digits(2)}`);
  const formats: ((d: string) => string)[] = [
    (d) => d,
    (d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `(${d.slice(0, 3)})${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
    (d) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
    (d) => `+1${d}`,
    (d) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
    (d) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `1${d}`,
    (d) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)} ext ${digits(3)}`,
    (d) => `${d} x${digits(2)}`,
    (d) => `+${d}`,
    (d) => `(${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `${d.slice(0, 3)}--${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `1-800-${d.slice(0, 3)}-FLOWERS`,
    (d) => `${d.slice(0, 9)}`,
    (d) => `${d}${digits(1)}`,
    (d) => `0${d}`,
    (d) => `+44 ${d}`,
    (d) => `+52 1 ${d}`,
    (d) => `+91 ${d}`,
    (d) => `${d.slice(0, 3)}/${d.slice(3, 6)}-${d.slice(6)}`,
    (d) => `tel:${d}`,
    (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)}O`,
  ];
  const inputs: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.8) inputs.push(pick(formats.slice(0, 12))(pick(prefixes) + digits(4)));
    else if (roll < 0.97) inputs.push(pick(formats)(pick(prefixes) + digits(4)));
    else inputs.push(pick(['', 'n/a', '12', '+', '()', 'abc-def-ghij', '5551234', '+1', `+${digits(12)}`, digits(15), '202 555 0123 0123']));
  }
  return inputs;
}

describe('the NANP prefix memo (fast path)', () => {
  it('agrees with libphonenumber-js alone on 100,000 varied inputs', () => {
    const inputs = variedInputs(100_000);
    const withFastPath = new PhoneNormaliser({ countries: 'any', fastPath: true });
    const reference = new PhoneNormaliser({ countries: 'any', fastPath: false });
    const disagreements: string[] = [];
    for (const input of inputs) {
      const fast = withFastPath.normalise(input);
      const slow = reference.normalise(input);
      if (JSON.stringify(fast) !== JSON.stringify(slow) && disagreements.length < 10) disagreements.push(`${input}: ${JSON.stringify(fast)} vs ${JSON.stringify(slow)}`);
    }
    expect(disagreements).toEqual([]);
    // the test means something only if the memo answered most inputs, refusals included
    expect(withFastPath.fastAnswers).toBeGreaterThan(60_000);
    expect(reference.fastAnswers).toBe(0);
  });
});
