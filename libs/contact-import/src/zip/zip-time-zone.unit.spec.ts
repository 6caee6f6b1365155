import { describe, expect, it } from 'vitest';
import { areaCodeHint } from './area-code-hint.js';
import { timeZoneOfZip, zip5Of } from './zip-time-zone.js';

describe('ZIP to IANA time zone', () => {
  it.each([
    ['10001', 'America/New_York'],
    ['60601', 'America/Chicago'],
    ['80202', 'America/Denver'],
    ['94110', 'America/Los_Angeles'],
    ['85001', 'America/Phoenix'], // Arizona keeps standard time
    ['86515', 'America/Denver'], // Window Rock: the Navajo Nation keeps DST
    ['96813', 'Pacific/Honolulu'],
    ['99501', 'America/Anchorage'],
    ['46201', 'America/Indiana/Indianapolis'],
    ['46401', 'America/Chicago'], // Gary, Lake County, Indiana: Central
    ['47591', 'America/Indiana/Vincennes'],
    ['00601', 'America/Puerto_Rico'],
    ['97914', 'America/Boise'], // Ontario, Oregon: Mountain
  ])('%s is in %s', (zip, zone) => {
    expect(timeZoneOfZip(zip)).toBe(zone);
  });

  it('has no zone for an unknown ZIP', () => {
    expect(timeZoneOfZip('00000')).toBeNull();
    expect(timeZoneOfZip('99999')).toBeNull();
  });

  it.each([
    ['02134', '02134'],
    ['02134-1234', '02134'],
    ['021341234', '02134'],
    ['2134', '02134'], // Excel dropped the leading zero
    ['85001 1234', '85001'],
    ['123456', null],
    ['12345678', null],
    ['ABCDE', null],
    ['', null],
  ])('%j has the five-digit ZIP %j', (cell, zip) => {
    expect(zip5Of(cell)).toBe(zip);
  });

  it('gives the area code of a NANP number as a hint, nothing for others', () => {
    expect(areaCodeHint('+16025550123')).toBe('602');
    expect(areaCodeHint('+442079460958')).toBeNull();
  });
});
