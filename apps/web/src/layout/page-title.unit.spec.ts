import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title';

describe('pageTitle', () => {
  it('puts the screen first, then the organization, then Textbank', () => {
    expect(pageTitle('GOTV Weekend', 'Northside Nurses')).toBe('GOTV Weekend · Northside Nurses · Textbank');
  });

  it('leaves out what is not known yet', () => {
    expect(pageTitle('Sign in')).toBe('Sign in · Textbank');
    expect(pageTitle('Campaign', ' ')).toBe('Campaign · Textbank');
  });
});
