import { describe, expect, it } from 'vitest';
import { cleanCell } from './clean-cell.js';

describe('cleanCell', () => {
  it.each([
    ['  Ana  ', 'Ana'],
    ['="02134"', '02134'],
    [' ="2025550123" ', '2025550123'],
    ['="say ""hi"""', 'say "hi"'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['="unclosed', '="unclosed'],
    ['', ''],
    [undefined, ''],
  ])('%j → %j', (raw, cleaned) => {
    expect(cleanCell(raw)).toBe(cleaned);
  });
});
