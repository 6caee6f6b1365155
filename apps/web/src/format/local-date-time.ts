const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value ("2025-03-08T18:00", the reader's wall clock) as an
 * ISO time with the reader's UTC offset ("2025-03-08T18:00:00-05:00"), so the
 * instant is exact and the event log still shows the time the person picked.
 * A wall time skipped by a DST change moves forward, as the browser's Date does.
 * Null when the text is not a datetime-local value or names a day that does not exist.
 */
export function toIsoWithOffset(local: string): string | null {
  const parts = LOCAL.exec(local);
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second);
  // An impossible day (31 April) rolls over in Date; refuse it instead of moving it.
  if (Number.isNaN(date.getTime()) || date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** An instant in the reader's locale and zone, for a sentence ("until 2 Jun 2025, 18:00"); the text as given when unreadable. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
