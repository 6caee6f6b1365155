import { describe, expect, it } from 'vitest';
import { freeMergeFieldKey, MERGE_FIELD_KEY, mergeFieldKey } from './merge-field-key';

describe('merge-field keys', () => {
  it.each([
    ['Polling Place', 'polling_place'],
    ['  polling   place ', 'polling_place'],
    ['Précinct #', 'precinct'],
    ['2024 vote', 'field_2024_vote'],
    ['Ward/District', 'ward_district'],
    ['already_ok', 'already_ok'],
    ['UPPER', 'upper'],
    ['###', ''],
    ['a'.repeat(60), 'a'.repeat(40)],
  ])('%j → %j', (typed, key) => {
    expect(mergeFieldKey(typed)).toBe(key);
    if (key) expect(key).toMatch(MERGE_FIELD_KEY);
  });

  it('finds a free key: the header’s, else column_<n>, with _2, _3 when taken', () => {
    expect(freeMergeFieldKey('Notes', 3, new Set())).toBe('notes');
    expect(freeMergeFieldKey('Notes', 3, new Set(['notes', 'notes_2']))).toBe('notes_3');
    expect(freeMergeFieldKey('', 3, new Set())).toBe('column_4');
  });
});
