import { describe, expect, it } from 'vitest';
import type { ContactField } from './contact-field.js';
import { customFieldKeys } from './custom-field-key.js';
import { guessMapping } from './guess-mapping.js';

function fieldOf(headers: string[], ...rest: Parameters<typeof guessMapping> extends [unknown, ...infer R] ? R : never): Record<string, ContactField | string> {
  const mapping = guessMapping(headers, ...rest);
  return Object.fromEntries(headers.map((h, i) => {
    const role = mapping.columns[i]!;
    return [h, role.kind === 'field' ? role.field : role.kind === 'custom' ? `custom:${role.key}` : 'ignore'];
  }));
}

describe('guessMapping', () => {
  it.each([
    ['phone', 'phone'], ['Phone Number', 'phone'], ['PHONE_NUMBER', 'phone'], ['cell', 'phone'], ['Mobile', 'phone'],
    ['mobile_phone', 'phone'], ['Cell Phone', 'phone'], ['telephone', 'phone'],
    ['zip', 'zip'], ['Zipcode', 'zip'], ['zip code', 'zip'], ['postal', 'zip'], ['Postal Code', 'zip'], ['ZIP5', 'zip'],
    ['first', 'firstName'], ['first_name', 'firstName'], ['First Name', 'firstName'], ['given name', 'firstName'], ['FNAME', 'firstName'],
    ['last', 'lastName'], ['Last Name', 'lastName'], ['surname', 'lastName'], ['last_name', 'lastName'],
    ['external id', 'externalId'], ['VAN ID', 'externalId'], ['vanid', 'externalId'], ['Voter ID', 'externalId'],
  ])('%j is %s', (header, field) => {
    expect(fieldOf([header, 'Other'])[header]).toBe(field);
  });

  it('makes every other column a custom field with a merge-field-safe key', () => {
    expect(fieldOf(['Phone', 'Polling Place', 'Précinct #', '2024 vote', ''])).toEqual({
      Phone: 'phone',
      'Polling Place': 'custom:polling_place',
      'Précinct #': 'custom:precinct',
      '2024 vote': 'custom:field_2024_vote',
      '': 'custom:column_5',
    });
  });

  it('prefers a cell column over a phone column and keeps the other as a custom field', () => {
    expect(fieldOf(['Home Phone', 'Phone', 'Cell'])).toEqual({ 'Home Phone': 'custom:home_phone', Phone: 'custom:phone', Cell: 'phone' });
  });

  it('finds the phone column by its values when no header names it', () => {
    const rows = [['Ana', '(202) 555-0123'], ['Bo', '415-555-0100'], ['Cy', '']];
    const looksLikePhone = (cell: string) => /\d{3}.*\d{4}/.test(cell);
    expect(fieldOf(['Name', 'Contact'], rows, looksLikePhone)).toEqual({ Name: 'custom:name', Contact: 'phone' });
    expect(fieldOf(['Name', 'Contact'], [['Ana', 'none']], looksLikePhone)).toEqual({ Name: 'custom:name', Contact: 'custom:contact' });
  });

  it('resolves colliding custom keys with _2, _3, and never reuses a taken one', () => {
    expect(customFieldKeys(['Polling Place', 'polling_place', 'POLLING-PLACE'])).toEqual(['polling_place', 'polling_place_2', 'polling_place_3']);
    expect(customFieldKeys(['Notes'], ['notes'])).toEqual(['notes_2']);
  });
});
