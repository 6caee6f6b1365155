import { phoneProblem } from './parse-with-libphonenumber.js';
import type { PhoneProblem, PhoneResult } from './phone-result.js';

/** "(202) 555-0123", "202.555.0123", "+1 202-555-0123", "12025550123": a NANP number in the plain formats people type. */
const PLAIN_NANP = /^(?:\+?1[ .-]?)?(?:\(([2-9]\d\d)\)[ -]?|([2-9]\d\d)[ .-]?)(\d{3})[ .-]?(\d{4})$/;

const UNKNOWN = 0;
/** Verdicts from here up are refusals: REFUSED + the index of the problem. */
const REFUSED = 200;

/**
 * The fast path before libphonenumber-js, sound by construction rather than by
 * a second copy of the rules: libphonenumber's metadata for every NANP region
 * decides validity and region from the first six digits (area code and
 * exchange; every pattern ends in a free \d{4} or longer). So the first number
 * seen with a given six-digit prefix is parsed by libphonenumber-js and its
 * verdict (region, or the reason it refused) is remembered for the prefix (a
 * 1 MB table); later numbers with that prefix, in a plain format, are answered
 * from the table. The differential
 * test (`phone-normaliser.differential.int.spec.ts`) holds this to
 * libphonenumber-js on 100,000 varied inputs.
 */
export class NanpPrefixMemo {
  private readonly verdicts = new Uint8Array(1_000_000);
  private readonly regions: string[] = [];
  private readonly problems: PhoneProblem[] = [];

  /** The national ten digits of a plain-format NANP number, or null for anything else. */
  static digitsOf(cell: string): string | null {
    const match = PLAIN_NANP.exec(cell);
    return match ? (match[1] ?? match[2]!) + match[3]! + match[4]! : null;
  }

  lookup(digits: string, cell: string): PhoneResult | undefined {
    const verdict = this.verdicts[prefixOf(digits)]!;
    if (verdict === UNKNOWN) return undefined;
    if (verdict >= REFUSED) return phoneProblem(this.problems[verdict - REFUSED]!, cell);
    return { ok: true, e164: `+1${digits}`, country: this.regions[verdict - 1]! };
  }

  remember(digits: string, result: PhoneResult): void {
    const prefix = prefixOf(digits);
    if (!result.ok) {
      let problem = this.problems.indexOf(result.problem);
      if (problem === -1) problem = this.problems.push(result.problem) - 1;
      this.verdicts[prefix] = REFUSED + problem;
      return;
    }
    // only a verdict on exactly these digits says something about the prefix
    if (result.e164 !== `+1${digits}` || result.country === null) return;
    let region = this.regions.indexOf(result.country);
    if (region === -1) region = this.regions.push(result.country) - 1;
    if (region + 1 < REFUSED) this.verdicts[prefix] = region + 1;
  }
}

function prefixOf(digits: string): number {
  return Number(digits.slice(0, 6));
}
