import { SetupOrganizationRequest, CreateCampaignRequest } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { fieldMessage, placeErrors } from './field-errors';
import { validateRequest } from './validate-request';

const fields = ['name', 'description', 'textingHours.start', 'textingHours.end'];

describe('placeErrors', () => {
  it('puts each issue next to the field its path names', () => {
    const placed = placeErrors(
      { statusCode: 400, error: 'Bad Request', message: 'Invalid', issues: [{ path: 'textingHours.end', message: 'start must be before end' }] },
      fields,
    );
    expect(placed).toEqual({ fields: { 'textingHours.end': 'start must be before end' }, others: [] });
  });

  it('shows issues about a whole group on its first field, and the rest at the top of the form', () => {
    const placed = placeErrors(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid',
        issues: [
          { path: 'textingHours', message: 'is required' },
          { path: 'color', message: 'is not allowed' },
          { path: '', message: 'unrecognized key' },
        ],
      },
      fields,
    );
    expect(placed.fields).toEqual({ 'textingHours.start': 'is required' });
    expect(placed.others).toEqual(['Is not allowed', 'This page is out of date with the server. Reload the page, then try again.']);
  });

  it("falls back to the error's message when there are no issues", () => {
    expect(placeErrors({ statusCode: 409, error: 'Conflict', message: 'Already set up' }, fields).others).toEqual(['Already set up']);
  });
});

describe('validateRequest', () => {
  it("reports the contract's issues in the API's 400 shape", () => {
    const result = validateRequest(SetupOrganizationRequest, { organizationName: 'Org', name: 'Ada', email: 'nope', password: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.statusCode).toBe(400);
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(['email', 'password']);
  });

  it('names nested fields with dots, as the API does', () => {
    const result = validateRequest(CreateCampaignRequest, { name: 'A', textingHours: { start: '21:00', end: '09:00' } });
    expect(result.ok ? [] : result.error.issues).toEqual([{ path: 'textingHours.end', message: 'start must be before end' }]);
  });
});

describe('fieldMessage', () => {
  it('completes fragments with the field name', () => {
    expect(fieldMessage('Name', 'is required')).toBe('Name is required.');
    expect(fieldMessage('Password', 'must be at least 12 characters, at most 200')).toBe('Password must be at least 12 characters, at most 200.');
  });

  it('leaves whole sentences alone, capitalised', () => {
    expect(fieldMessage('Texting hours end', 'start must be before end')).toBe('Start must be before end');
  });
});
