import { describe, expect, it } from 'vitest';
import { PhoneNormaliser } from './phone-normaliser.js';

describe('PhoneNormaliser', () => {
  const phones = new PhoneNormaliser();

  it.each([
    ['(202) 555-0123', '+12025550123', 'US'],
    ['202-555-0123', '+12025550123', 'US'],
    ['202.555.0123', '+12025550123', 'US'],
    ['2025550123', '+12025550123', 'US'],
    ['12025550123', '+12025550123', 'US'],
    ['1 (202) 555-0123', '+12025550123', 'US'],
    ['+1 202 555 0123', '+12025550123', 'US'],
    ['+12025550123', '+12025550123', 'US'],
    ['+1-602-555-0199', '+16025550199', 'US'],
    ['787-555-1234', '+17875551234', 'PR'],
    ['(671) 555-1234', '+16715551234', 'GU'],
  ])('%s is %s (%s)', (cell, e164, country) => {
    expect(phones.normalise(cell)).toEqual({ ok: true, e164, country });
  });

  it.each([
    ['', 'phone_missing'],
    ['n/a', 'phone_not_a_number'],
    ['12', 'phone_too_short'],
    ['555-0123', 'phone_too_short'],
    ['(202) 155-0123', 'phone_not_valid'],
    ['1234567890123456', 'phone_too_long'],
    ['202-555-0123 ext. 45', 'phone_has_extension'],
    ['+44 20 7946 0958', 'phone_country_not_allowed'],
    ['613-555-0123', 'phone_country_not_allowed'],
    ['call 202-555-0123', 'phone_not_a_number'],
    ['+999 123 456', 'phone_invalid_country_code'],
  ])('%j is refused as %s', (cell, problem) => {
    const result = phones.normalise(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('names the country of a number from outside the allowed ones', () => {
    const result = phones.normalise('+44 20 7946 0958');
    expect(!result.ok && result.message).toContain('(GB)');
  });

  it("accepts any country's valid number when told to", () => {
    expect(new PhoneNormaliser({ countries: 'any', fastPath: true }).normalise('+44 20 7946 0958')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
  });

  it('answers a second number with a known prefix from the memo, the same as libphonenumber-js', () => {
    const memoised = new PhoneNormaliser();
    memoised.normalise('(415) 555-0100');
    const second = memoised.normalise('415-555-0199');
    expect(second).toEqual({ ok: true, e164: '+14155550199', country: 'US' });
    expect(memoised.fastAnswers).toBe(1);
    expect(memoised.slowAnswers).toBe(1);
    memoised.normalise('(202) 155-0100');
    const refused = memoised.normalise('202-155-0199');
    expect(!refused.ok && refused.problem).toBe('phone_not_valid');
    expect(!refused.ok && refused.message).toContain('202-155-0199');
    expect(memoised.fastAnswers).toBe(2);
  });
});
