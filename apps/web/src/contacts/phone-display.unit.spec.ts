import { describe, expect, it } from 'vitest';
import { displayPhone } from './phone-display';

describe('phone numbers for people', () => {
  it.each([
    ['+12125550101', '(212) 555-0101'],
    ['+16025550103', '(602) 555-0103'],
    ['+442071838750', '+442071838750'],
    ['+1212555010', '+1212555010'],
  ])('%s reads as %s', (e164, shown) => {
    expect(displayPhone(e164)).toBe(shown);
  });
});
