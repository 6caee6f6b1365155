import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { PhoneProblem, PhoneResult } from './phone-result.js';

const PROBLEM_OF_ERROR: Readonly<Record<string, PhoneProblem>> = {
  NOT_A_NUMBER: 'phone_not_a_number',
  TOO_SHORT: 'phone_too_short',
  TOO_LONG: 'phone_too_long',
  INVALID_LENGTH: 'phone_invalid_length',
  INVALID_COUNTRY: 'phone_invalid_country_code',
};

const MESSAGE_OF_PROBLEM: Readonly<Record<PhoneProblem, string>> = {
  phone_missing: 'has no phone number',
  phone_not_a_number: 'is not a phone number',
  phone_too_short: 'is too short to be a phone number',
  phone_too_long: 'is too long to be a phone number',
  phone_invalid_length: 'has the wrong number of digits for its country',
  phone_invalid_country_code: 'has no valid country code',
  phone_not_valid: 'is not a valid phone number (no such area code or exchange)',
  phone_has_extension: 'has an extension, so it is not a number a text can reach',
  phone_country_not_allowed: 'is not a number in an allowed country',
};

export function phoneProblem(problem: PhoneProblem, cell: string): PhoneResult {
  const shown = cell === '' ? 'The phone cell' : `"${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}"`;
  return { ok: false, problem, message: `${shown} ${MESSAGE_OF_PROBLEM[problem]}.` };
}

/**
 * libphonenumber-js with the full ("max") metadata: "min" only checks lengths
 * and would accept unassigned area codes; "mobile" cannot tell US mobiles from
 * landlines either (both are FIXED_LINE_OR_MOBILE), so it would add nothing.
 * Default region US: "(202) 555-0123" and "1 202 555 0123" are +12025550123.
 * `extract: false`: the whole cell must be the number ("call 202-555-0123 or
 * 202-555-0199" is refused rather than guessed at).
 */
export function parseWithLibphonenumber(cell: string): PhoneResult {
  try {
    const number = parsePhoneNumberWithError(cell, { defaultCountry: 'US', extract: false });
    if (number.ext) return phoneProblem('phone_has_extension', cell);
    if (number.isValid()) return { ok: true, e164: number.number, country: number.country ?? null };
    const lengthProblem = validatePhoneNumberLength(cell, { defaultCountry: 'US' });
    return phoneProblem(lengthProblem ? PROBLEM_OF_ERROR[lengthProblem] ?? 'phone_not_valid' : 'phone_not_valid', cell);
  } catch (error) {
    if (error instanceof ParseError) return phoneProblem(PROBLEM_OF_ERROR[error.message] ?? 'phone_not_a_number', cell);
    throw error;
  }
}
