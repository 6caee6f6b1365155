import type { ColumnMappingSchema } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { choiceOf, COLUMN_CHOICES, mappingProblems, mappingSummary, withChoice, withCustomKey } from './column-mapping';

const guessed: ColumnMappingSchema = {
  headers: ['Cell Phone', 'First Name', 'Last', 'Zip', 'Polling Place', 'Notes'],
  columns: [
    { kind: 'field', field: 'phone' },
    { kind: 'field', field: 'firstName' },
    { kind: 'field', field: 'lastName' },
    { kind: 'field', field: 'zip' },
    { kind: 'custom', key: 'polling_place' },
    { kind: 'custom', key: 'notes' },
  ],
};

describe('column mapping', () => {
  it('offers every contact field, a custom field and ignore, in words', () => {
    expect(COLUMN_CHOICES.map((choice) => choice.label)).toEqual(['Phone', 'First name', 'Last name', 'ZIP', 'External id', 'Custom field', 'Ignore']);
    expect(guessed.columns.map(choiceOf)).toEqual(['phone', 'firstName', 'lastName', 'zip', 'custom', 'custom']);
  });

  it('the server’s guess, with one phone column, may go as it is', () => {
    expect(mappingProblems(guessed)).toEqual([]);
    expect(mappingSummary(guessed)).toBe('2 custom fields, 0 columns ignored.');
  });

  it('changes one column only, and never silently moves another', () => {
    const ignored = withChoice(guessed, 5, 'ignore');
    expect(ignored.columns[5]).toEqual({ kind: 'ignore' });
    expect(ignored.columns.slice(0, 5)).toEqual(guessed.columns.slice(0, 5));
    expect(guessed.columns[5]).toEqual({ kind: 'custom', key: 'notes' }); // not mutated
    expect(withChoice(guessed, 5, 'custom')).toBe(guessed); // no change, same object
    expect(mappingSummary(ignored)).toBe('1 custom field, 1 column ignored.');
  });

  it('says in words that exactly one column must be Phone', () => {
    expect(mappingProblems(withChoice(guessed, 0, 'ignore'))).toEqual(['Choose the column that holds the phone numbers: exactly one column must be Phone.']);
    expect(mappingProblems(withChoice(guessed, 5, 'phone'))).toEqual([
      'Only one column can be Phone; “Cell Phone” and “Notes” both are. Choose one and set the others to Custom field or Ignore.',
    ]);
  });

  it('names every other field chosen twice too', () => {
    const twice = withChoice(withChoice(guessed, 4, 'zip'), 5, 'zip');
    expect(mappingProblems(twice)).toEqual(['Only one column can be ZIP; “Zip”, “Polling Place” and “Notes” all are. Choose one and set the others to Custom field or Ignore.']);
  });

  it('a column made a custom field is named after its header, never sharing a key', () => {
    const mapping = withChoice(withChoice(guessed, 4, 'ignore'), 1, 'custom');
    expect(mapping.columns[1]).toEqual({ kind: 'custom', key: 'first_name' });
    const clash = withChoice({ headers: ['phone', 'Notes', 'notes'], columns: [{ kind: 'field', field: 'phone' }, { kind: 'custom', key: 'notes' }, { kind: 'ignore' }] }, 2, 'custom');
    expect(clash.columns[2]).toEqual({ kind: 'custom', key: 'notes_2' });
    expect(withChoice({ headers: ['phone', ' '], columns: [{ kind: 'field', field: 'phone' }, { kind: 'ignore' }] }, 1, 'custom').columns[1]).toEqual({ kind: 'custom', key: 'column_2' });
  });

  it('normalises a typed key, and names keys that cannot be merge fields or are shared', () => {
    expect(withCustomKey(guessed, 4, 'Polling Place 2024').columns[4]).toEqual({ kind: 'custom', key: 'polling_place_2024' });
    expect(withCustomKey(guessed, 0, 'anything')).toBe(guessed); // not a custom column
    const blank = withCustomKey(guessed, 4, '###');
    expect(mappingProblems(blank)).toEqual(['The custom field of “Polling Place” needs a name that starts with a letter, in lower-case letters, digits and _.']);
    const shared = withCustomKey(guessed, 5, 'polling place');
    expect(mappingProblems(shared)).toEqual(['“Polling Place” and “Notes” would both be the merge field {polling_place}: give each its own name.']);
  });
});
