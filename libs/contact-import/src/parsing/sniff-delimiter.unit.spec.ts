import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './sniff-delimiter.js';

describe('sniffDelimiter', () => {
  it.each([
    ['name,phone\nAna,1\n', ','],
    ['name;phone;zip\nAna;1;02134\nBo;2;10001\n', ';'],
    ['name\tphone\nAna\t1\n', '\t'],
    ['"Last, First";phone\n"Doe, Jane";1\n', ';'],
    ['name;note\nAna;a,b\nBo;c\n', ';'],
    ['phone\n2025550123\n', ','],
    ['a,b\r\n1,2\r\n', ','],
  ])('%j → %j', (head, delimiter) => {
    expect(sniffDelimiter(head)).toBe(delimiter);
  });
});
