import { describe, expect, it } from 'vitest';
import { reasonSentence, reasonSentences } from './reject-reasons';

describe('reasons in words', () => {
  it.each([
    ['phone_too_short', 1, '1 row had a phone number too short to be real.'],
    ['phone_not_a_number', 2, '2 rows had something other than a phone number in the phone column.'],
    ['duplicate_in_file', 3, '3 rows repeated a number that appears earlier in the file.'],
    ['already_in_campaign', 1, '1 row had a number that is already in this campaign.'],
    ['opted_out', 1200, '1,200 rows had a number on the opt-out list, so it will never be texted.'],
    ['phone_missing', 1, '1 row had no phone number.'],
    ['row_too_wide', 1, '1 row had more cells than the file has columns.'],
    ['some_new_code', 2, '2 rows could not be used (some new code).'],
  ])('%s × %d', (code, count, sentence) => {
    expect(reasonSentence(code, count)).toBe(sentence);
  });

  it('lists the commonest reason first and leaves zero counts out', () => {
    expect(reasonSentences({ opted_out: 1, phone_too_short: 4, duplicate_in_file: 0 })).toEqual([
      '4 rows had a phone number too short to be real.',
      '1 row had a number on the opt-out list, so it will never be texted.',
    ]);
  });
});
