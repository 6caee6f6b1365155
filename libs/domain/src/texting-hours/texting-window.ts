import type { TextingHours } from '../campaign/campaign-events.js';

/**
 * Without a known ZIP a number may have been ported anywhere: send only while
 * the window is open in every continental US zone (domain.md, "Texting
 * hours"). Arizona keeps standard time, so in summer it is its own zone.
 */
export const CONTINENTAL_US_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles'] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  return format;
}

/** Minutes after local midnight in `timeZone` at `now` (DST-correct: the zone database decides). */
export function localMinutes(timeZone: string, now: Date): number {
  let hour = 0;
  let minute = 0;
  for (const part of formatFor(timeZone).formatToParts(now)) {
    if (part.type === 'hour') hour = Number(part.value);
    if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the campaign's hours are open now in the contact's zone; `null` zone: open in every continental zone. Start inclusive, end exclusive. */
export function isTextingWindowOpen(timeZone: string | null, hours: TextingHours, now: Date): boolean {
  if (timeZone === null) return CONTINENTAL_US_ZONES.every((zone) => isTextingWindowOpen(zone, hours, now));
  const local = localMinutes(timeZone, now);
  return local >= minutesOf(hours.start) && local < minutesOf(hours.end);
}

/**
 * When the window open now closes for the contact (the start of the minute
 * the hours end), or null when it is closed now. A DST change never falls
 * inside texting hours (it happens at 02:00), so counting minutes is exact.
 */
export function textingWindowClosesAt(timeZone: string | null, hours: TextingHours, now: Date): Date | null {
  if (!isTextingWindowOpen(timeZone, hours, now)) return null;
  const zones = timeZone === null ? CONTINENTAL_US_ZONES : [timeZone];
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  const minutesLeft = Math.min(...zones.map((zone) => minutesOf(hours.end) - localMinutes(zone, now)));
  return new Date(startOfMinute + minutesLeft * 60_000);
}
