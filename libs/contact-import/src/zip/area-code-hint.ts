/**
 * The area code of a NANP number, shown next to a contact without a time zone.
 * Only a hint: the number may have been ported anywhere, so it never widens
 * the texting window (domain.md, "Texting hours").
 */
export function areaCodeHint(e164: string): string | null {
  return e164.startsWith('+1') && e164.length === 12 ? e164.slice(2, 5) : null;
}
