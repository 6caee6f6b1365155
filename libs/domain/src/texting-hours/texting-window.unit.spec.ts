import { describe, expect, it } from 'vitest';
import { isTextingWindowOpen, localMinutes, textingWindowClosesAt } from './texting-window.js';

const hours = { start: '09:00', end: '21:00' };

describe('texting window', () => {
  it.each([
    // [UTC instant, zone, open?]
    ['2026-07-01T13:00:00Z', 'America/New_York', true], // 09:00 EDT: opens
    ['2026-07-01T12:59:00Z', 'America/New_York', false], // 08:59 EDT
    ['2026-07-02T00:59:00Z', 'America/New_York', true], // 20:59 EDT
    ['2026-07-02T01:00:00Z', 'America/New_York', false], // 21:00 EDT: closed
    ['2026-01-15T14:00:00Z', 'America/New_York', true], // 09:00 EST
    ['2026-01-15T13:59:00Z', 'America/New_York', false],
    ['2026-07-01T16:00:00Z', 'America/Phoenix', true], // 09:00 MST, no DST in Arizona
    ['2026-07-01T15:59:00Z', 'America/Phoenix', false],
    ['2026-07-01T15:00:00Z', 'America/Denver', true], // 09:00 MDT, while Phoenix is still 08:00
    ['2026-07-01T19:00:00Z', 'Pacific/Honolulu', true], // 09:00 HST
    ['2026-07-01T18:59:00Z', 'Pacific/Honolulu', false],
  ] as const)('%s in %s: open %s', (instant, zone, open) => {
    expect(isTextingWindowOpen(zone, hours, new Date(instant))).toBe(open);
  });

  it('crosses daylight saving time on the right day (US spring forward 2026-03-08)', () => {
    expect(localMinutes('America/New_York', new Date('2026-03-08T06:59:00Z'))).toBe(1 * 60 + 59); // 01:59 EST
    expect(localMinutes('America/New_York', new Date('2026-03-08T07:00:00Z'))).toBe(3 * 60); // 03:00 EDT
  });

  it('without a ZIP, open only while every continental zone is: 12:00 to 21:00 Eastern in summer', () => {
    expect(isTextingWindowOpen(null, hours, new Date('2026-07-01T15:59:00Z'))).toBe(false); // 11:59 EDT = 08:59 PDT
    expect(isTextingWindowOpen(null, hours, new Date('2026-07-01T16:00:00Z'))).toBe(true); // 12:00 EDT = 09:00 PDT
    expect(isTextingWindowOpen(null, hours, new Date('2026-07-02T00:59:00Z'))).toBe(true); // 20:59 EDT
    expect(isTextingWindowOpen(null, hours, new Date('2026-07-02T01:00:00Z'))).toBe(false); // 21:00 EDT
  });
});

describe('textingWindowClosesAt', () => {
  const hours = { start: '09:00', end: '21:00' };
  it('is the end of the hours in the contact zone, DST-correct', () => {
    // 14:00:30 in New York (EDT, UTC-4) on a summer day: closes at 21:00 EDT = 01:00 UTC the next day.
    expect(textingWindowClosesAt('America/New_York', hours, new Date('2026-07-15T18:00:30Z'))?.toISOString()).toBe('2026-07-16T01:00:00.000Z');
    // In winter (EST, UTC-5): 02:00 UTC.
    expect(textingWindowClosesAt('America/New_York', hours, new Date('2026-01-15T19:00:00Z'))?.toISOString()).toBe('2026-01-16T02:00:00.000Z');
  });

  it('without a zone, the first continental zone to close decides; closed now is null', () => {
    expect(textingWindowClosesAt(null, hours, new Date('2026-07-15T18:00:00Z'))?.toISOString()).toBe('2026-07-16T01:00:00.000Z');
    expect(textingWindowClosesAt('America/New_York', hours, new Date('2026-07-15T02:00:00Z'))).toBeNull();
  });
});
