import { describe, expect, it } from 'vitest';
import { defuseFormula, rejectsCsvHeader, rejectsCsvLines } from './rejects-csv.js';

describe('rejects CSV', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1 202 555 0123', `'+1 202 555 0123`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['Ana', 'Ana'],
    ['a=b', 'a=b'],
  ])('%j is written as %j', (cell, written) => {
    expect(defuseFormula(cell)).toBe(written);
  });

  it('writes row number, reason, message and the original cells, quoted where CSV needs it', () => {
    const header = rejectsCsvHeader(['Name', 'Phone']);
    const lines = rejectsCsvLines([
      { row: 7, reason: 'phone_too_short', message: 'Row 7: "12" is too short to be a phone number.', cells: ['Ana, "A"', '=1+2'] },
    ]);
    expect(header).toBe('row,reason,message,Name,Phone\r\n');
    expect(lines).toBe(`7,phone_too_short,"Row 7: ""12"" is too short to be a phone number.","Ana, ""A""",'=1+2\r\n`);
  });

  it('defuses the file headers too', () => {
    expect(rejectsCsvHeader(['=cmd'])).toBe("row,reason,message,'=cmd\r\n");
  });
});
