import type { TexterRow } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { age, ago, minuteSeries, percent, sortTexters, zoneTime } from './dashboard-format';

const row = (name: string, sent: number, repliesWaiting: number, oldestUnansweredAt: string | null, lastActiveAt: string): TexterRow => ({
  texterId: name, name, sent, repliesWaiting, oldestUnansweredAt, lastActiveAt, online: false,
});

describe('dashboard formatting', () => {
  it('says rates as percents and ages in short words', () => {
    expect([percent(null), percent(0), percent(1 / 3), percent(1)]).toEqual(['–', '0%', '33%', '100%']);
    const now = new Date('2026-11-28T21:00:00Z');
    expect([ago('2026-11-28T20:59:40Z', now), ago('2026-11-28T20:46:00Z', now)]).toEqual(['just now', '14 min ago']);
    expect([zoneTime('2026-11-29T02:00:00Z', 'America/New_York'), zoneTime('2026-11-29T02:00:00Z', 'America/Los_Angeles'), zoneTime('2026-11-29T02:00:00Z', null)]).toEqual(['21:00', '18:00', '21:00']);
    expect([age(null, now), age('2026-11-28T20:59:40Z', now), age('2026-11-28T20:46:00Z', now), age('2026-11-28T18:55:00Z', now)]).toEqual(['–', 'just now', '14 min', '2 h 5 min']);
  });

  it('sorts the volunteers table by any column, ties by name, nobody waiting last', () => {
    const rows = [row('Cy', 5, 0, null, '2026-11-28T20:10:00Z'), row('Ann', 9, 2, '2026-11-28T20:30:00Z', '2026-11-28T20:40:00Z'), row('Bob', 9, 3, '2026-11-28T20:05:00Z', '2026-11-28T20:01:00Z')];
    const names = (by: Parameters<typeof sortTexters>[1]) => sortTexters(rows, by).map((r) => r.name);
    expect(names('name')).toEqual(['Ann', 'Bob', 'Cy']);
    expect(names('sent')).toEqual(['Ann', 'Bob', 'Cy']);
    expect(names('repliesWaiting')).toEqual(['Bob', 'Ann', 'Cy']);
    expect(names('oldestUnansweredAt')).toEqual(['Bob', 'Ann', 'Cy']);
    expect(names('lastActiveAt')).toEqual(['Ann', 'Cy', 'Bob']);
  });

  it('fills every minute of the window with zeros where nothing happened, at least the last half hour', () => {
    const now = new Date('2026-11-28T21:00:30Z');
    const [x, sent, delivered, replies] = minuteSeries([{ minute: '2026-11-28T20:58', sent: 4, delivered: 3, replies: 1 }], now, 3);
    expect(x).toHaveLength(31);
    expect(x.at(-1)).toBe(Date.parse('2026-11-28T21:00:00Z') / 1000);
    expect(sent.slice(-3)).toEqual([4, 0, 0]);
    expect(delivered.slice(-3)).toEqual([3, 0, 0]);
    expect(replies.slice(-3)).toEqual([1, 0, 0]);
    // Older traffic stretches the window, never past the hours asked.
    expect(minuteSeries([{ minute: '2026-11-28T10:00', sent: 1, delivered: 0, replies: 0 }], now, 3)[0]).toHaveLength(180);
  });
});
