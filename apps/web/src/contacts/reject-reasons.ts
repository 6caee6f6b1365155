/**
 * Why rows did not become contacts, in words, from the codes the server counts
 * (`reasons` of an upload). Each reads after "N rows": "3 rows had a phone
 * number too short to be real."
 */
const REASONS: Readonly<Record<string, string>> = {
  phone_missing: 'had no phone number',
  phone_not_a_number: 'had something other than a phone number in the phone column',
  phone_too_short: 'had a phone number too short to be real',
  phone_too_long: 'had a phone number too long to be real',
  phone_invalid_length: 'had a phone number with the wrong number of digits',
  phone_invalid_country_code: 'had a phone number with an unknown country code',
  phone_not_valid: 'had a phone number that cannot exist (no such area code or exchange)',
  phone_has_extension: 'had a phone number with an extension, which cannot get texts',
  phone_country_not_allowed: 'had a phone number from a country this campaign does not text',
  row_too_wide: 'had more cells than the file has columns',
  duplicate_in_file: 'repeated a number that appears earlier in the file',
  already_in_campaign: 'had a number that is already in this campaign',
  opted_out: 'had a number on the opt-out list, so it will never be texted',
};

/** One reason as a sentence: "1 row had no phone number." Unknown codes are still shown, in plain words. */
export function reasonSentence(code: string, count: number): string {
  const words = REASONS[code] ?? `could not be used (${code.replace(/_/g, ' ')})`;
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'} ${words}.`;
}

/** Every reason of an upload as a sentence, the commonest first. */
export function reasonSentences(reasons: Readonly<Record<string, number>>): string[] {
  return Object.entries(reasons)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([code, count]) => reasonSentence(code, count));
}
