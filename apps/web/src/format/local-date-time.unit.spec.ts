import { afterEach, describe, expect, it, vi } from 'vitest';
import { toIsoWithOffset } from './local-date-time';

// Node reads TZ afresh when it changes, so one process can stand in several zones.
afterEach(() => vi.unstubAllEnvs());

describe('toIsoWithOffset', () => {
  it("keeps the wall time picked and adds the reader's offset on that date (DST included)", () => {
    vi.stubEnv('TZ', 'America/New_York');
    expect(toIsoWithOffset('2025-07-04T18:30')).toBe('2025-07-04T18:30:00-04:00');
    expect(toIsoWithOffset('2025-01-04T18:30')).toBe('2025-01-04T18:30:00-05:00');
    vi.stubEnv('TZ', 'Asia/Kolkata');
    expect(toIsoWithOffset('2025-01-04T18:30')).toBe('2025-01-04T18:30:00+05:30');
  });

  it('names the same instant the browser means by the local time', () => {
    const iso = toIsoWithOffset('2025-03-08T09:15:20');
    expect(iso).not.toBeNull();
    expect(Date.parse(iso ?? '')).toBe(new Date(2025, 2, 8, 9, 15, 20).getTime());
  });

  it('refuses what is not a datetime-local value, and days that do not exist', () => {
    expect(toIsoWithOffset('')).toBeNull();
    expect(toIsoWithOffset('tomorrow')).toBeNull();
    expect(toIsoWithOffset('2025-04-31T10:00')).toBeNull();
    expect(toIsoWithOffset('2025-03-08T24:00')).toBeNull();
  });
});
