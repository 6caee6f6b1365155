import type { TexterRow } from '@textbank/contracts';

/** A rate as a whole percent; a dash before there is anything to divide. */
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);

/** How long ago, in words short enough for a table cell ("4 min", "2 h 5 min"). */
export function age(since: string | null, now: Date): string {
  if (since === null) return '–';
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "4 min ago", or "just now". */
export const ago = (since: string, now: Date) => {
  const text = age(since, now);
  return text === 'just now' ? text : `${text} ago`;
};

/** Clock time where the contacts are ("21:00"); without a ZIP, New York's (the first zone to close). */
export const zoneTime = (iso: string, timeZone: string | null) =>
  new Date(iso).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timeZone ?? 'America/New_York' });

/** ISO times compare as text; this one sorts after them all. */
const NEVER = '9999';
const earlier = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type TexterSort = 'name' | 'sent' | 'repliesWaiting' | 'oldestUnansweredAt' | 'lastActiveAt';

/**
 * The volunteers table in the order asked: counts and recency descending
 * (most first, most recent first), the oldest unanswered reply first, names
 * A-Z; ties by name so rows do not jump between pushes.
 */
export function sortTexters(rows: readonly TexterRow[], by: TexterSort): TexterRow[] {
  const name = (r: TexterRow) => r.name ?? r.texterId;
  const byName = (a: TexterRow, b: TexterRow) => name(a).localeCompare(name(b));
  const compare: Record<TexterSort, (a: TexterRow, b: TexterRow) => number> = {
    name: () => 0,
    sent: (a, b) => b.sent - a.sent,
    repliesWaiting: (a, b) => b.repliesWaiting - a.repliesWaiting,
    // Nobody waiting sorts last.
    oldestUnansweredAt: (a, b) => earlier(a.oldestUnansweredAt ?? NEVER, b.oldestUnansweredAt ?? NEVER),
    lastActiveAt: (a, b) => earlier(b.lastActiveAt, a.lastActiveAt),
  };
  return [...rows].sort((a, b) => compare[by](a, b) || byName(a, b));
}

/** Each minute of the last `hours` up to `now`, with the buckets' counts (0 where nothing happened): the chart's series. */
export function minuteSeries(minutes: readonly { minute: string; sent: number; delivered: number; replies: number }[], now: Date, hours: number) {
  const end = Math.floor(now.getTime() / 60_000);
  const byMinute = new Map(minutes.map((m) => [Math.floor(Date.parse(`${m.minute}:00Z`) / 60_000), m]));
  const first = Math.min(end, ...byMinute.keys(), end - 30);
  const start = Math.max(first, end - hours * 60 + 1);
  const series: [number[], number[], number[], number[]] = [[], [], [], []];
  for (let minute = start; minute <= end; minute++) {
    const m = byMinute.get(minute);
    series[0].push(minute * 60);
    series[1].push(m?.sent ?? 0);
    series[2].push(m?.delivered ?? 0);
    series[3].push(m?.replies ?? 0);
  }
  return series;
}
