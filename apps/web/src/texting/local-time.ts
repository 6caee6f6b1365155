/**
 * The time where the contact is ("2:05 PM"), so the texter knows whether a
 * morning text is early for them; null when the zone is unknown (no ZIP) or
 * not one the browser knows.
 */
export function timeThere(timeZone: string | null, now: Date, locale?: string): string | null {
  if (timeZone === null) return null;
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(now);
  } catch {
    return null;
  }
}

/** "1 segment · GSM-7", "2 segments · UCS-2": what the text costs to send. */
export function segmentsLine(segments: number, encoding: string): string {
  return `${segments} ${segments === 1 ? 'segment' : 'segments'} · ${encoding}`;
}
