import { NanpPrefixMemo } from './nanp-prefix-memo.js';
import { parseWithLibphonenumber, phoneProblem } from './parse-with-libphonenumber.js';
import type { PhoneResult } from './phone-result.js';

/** The United States and the territories under US texting law, all in the NANP. */
export const US_AND_TERRITORIES: readonly string[] = ['US', 'PR', 'VI', 'GU', 'AS', 'MP'];

export interface PhoneOptions {
  /** ISO regions whose numbers are accepted, or 'any'. Default: the US and its territories. */
  readonly countries: readonly string[] | 'any';
  /** Answer plain NANP numbers from the prefix memo (default true); false is libphonenumber-js alone. */
  readonly fastPath: boolean;
}

export const DEFAULT_PHONE_OPTIONS: PhoneOptions = { countries: US_AND_TERRITORIES, fastPath: true };

/** A phone cell to E.164, or the reason it cannot be texted. One per thread: it keeps its memo. */
export class PhoneNormaliser {
  private readonly memo = new NanpPrefixMemo();
  private readonly allowed: ReadonlySet<string> | null;
  fastAnswers = 0;
  slowAnswers = 0;

  constructor(private readonly options: PhoneOptions = DEFAULT_PHONE_OPTIONS) {
    this.allowed = options.countries === 'any' ? null : new Set(options.countries);
  }

  normalise(cell: string): PhoneResult {
    if (cell === '') return phoneProblem('phone_missing', cell);
    return this.withinAllowedCountries(this.parse(cell), cell);
  }

  private parse(cell: string): PhoneResult {
    const digits = this.options.fastPath ? NanpPrefixMemo.digitsOf(cell) : null;
    if (digits !== null) {
      const known = this.memo.lookup(digits, cell);
      if (known) {
        this.fastAnswers++;
        return known;
      }
    }
    this.slowAnswers++;
    const result = parseWithLibphonenumber(cell);
    if (digits !== null) this.memo.remember(digits, result);
    return result;
  }

  private withinAllowedCountries(result: PhoneResult, cell: string): PhoneResult {
    if (!result.ok || this.allowed === null || (result.country !== null && this.allowed.has(result.country))) return result;
    const refused = phoneProblem('phone_country_not_allowed', cell);
    return refused.ok ? refused : { ...refused, message: `${refused.message.slice(0, -1)} (${result.country ?? result.e164}).` };
  }
}
