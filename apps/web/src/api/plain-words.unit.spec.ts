import { CreateInviteRequest } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { fieldMessage, placeErrors } from './field-errors';
import { plainProblem } from './plain-words';
import { validateRequest } from './validate-request';

describe('plain words for validation messages', () => {
  it.each([
    ['Invalid input: expected number, received string', 'Maximum uses must be a number.'],
    ['Invalid input: expected number, received undefined', 'Maximum uses is required.'],
    ['Invalid input: expected int, received number', 'Maximum uses must be a whole number.'],
    ['Too small: expected number to be >=1', 'Maximum uses must be at least 1.'],
    ['Too big: expected number to be <=100000', 'Maximum uses must be at most 100000.'],
    ['Invalid option: expected one of "admin"|"auditor"', 'Maximum uses must be one of the choices offered.'],
    ['Invalid input: expected string, received number', 'Maximum uses must be text.'],
    ['Invalid input', 'Maximum uses is not valid.'],
  ])('says "%s" as "%s"', (raw, plain) => {
    expect(fieldMessage('Maximum uses', raw)).toBe(plain);
  });

  it('names the field for lengths, emails, ids and times', () => {
    expect(fieldMessage('Name', 'Too small: expected string to have >=1 characters')).toBe('Name is required.');
    expect(fieldMessage('Name', 'Too big: expected string to have <=100 characters')).toBe('Name must be at most 100 characters.');
    expect(fieldMessage('Email', 'Invalid email address')).toBe('Email must be an email address.');
    expect(fieldMessage('Campaign', 'Invalid UUID')).toBe('Campaign must be picked from the list.');
    expect(fieldMessage('Link expires', 'Invalid ISO datetime')).toBe('Link expires must be a date and time.');
  });

  it("keeps the contract's own words", () => {
    expect(fieldMessage('Maximum uses', 'must be a whole number')).toBe('Maximum uses must be a whole number.');
    expect(fieldMessage('Texting hours end', 'start must be before end')).toBe('Start must be before end');
  });

  it('never shows a type name for a count typed as words', () => {
    const result = validateRequest(CreateInviteRequest, { kind: 'volunteer', maxUses: 'lots' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const placed = placeErrors(result.error, ['campaignId', 'expiresAt', 'maxUses']);
    const shown = fieldMessage('Maximum uses', placed.fields.maxUses ?? '');
    expect(shown).toBe('Maximum uses must be a number.');
    expect(shown).not.toMatch(/expected|received|string/);
  });

  it('turns form-level problems into sentences too', () => {
    expect(plainProblem('Unrecognized key: "colour"')).toMatch(/Reload the page/);
    expect(plainProblem('Invalid input: expected number, received string')).toBe('Something in the form must be a number.');
    expect(plainProblem('already set up')).toBe('Already set up');
  });
});
