import { describe, expect, it } from 'vitest';
import { timeZoneName } from './time-zone-names';

describe('time zone names', () => {
  it.each([
    ['America/New_York', 'Eastern Time (New York)'],
    ['America/Los_Angeles', 'Pacific Time (Los Angeles)'],
    ['America/Chicago', 'Central Time (Chicago)'],
    ['America/Phoenix', 'Mountain Standard Time (Phoenix)'],
    ['America/Indiana/Indianapolis', 'Eastern Time (Indianapolis)'],
  ])('%s reads as %s', (zone, name) => {
    expect(timeZoneName(zone)).toBe(name);
  });

  it('contacts without a ZIP are “No ZIP”; an unknown zone keeps its city', () => {
    expect(timeZoneName(null)).toBe('No ZIP');
    expect(timeZoneName('Not/A_Zone')).toBe('A Zone');
  });
});
