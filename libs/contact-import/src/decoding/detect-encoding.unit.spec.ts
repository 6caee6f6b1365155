import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detect-encoding.js';

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.from('\uFEFFname,phone\nJosé,1\n'), 'utf-8', true],
    ['UTF-8 without BOM', Buffer.from('name,phone\nJosé Müller,1\n'), 'utf-8', false],
    ['plain ASCII', Buffer.from('name,phone\nAna,1\n'), 'utf-8', false],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('name,phone\n', 'utf-16le')]), 'utf-16le', true],
    ['Windows-1252', iconv.encode('Name,Phone\nJosé Müller,“2025550123”\nRenée Façade,2025550124\n', 'windows-1252'), 'windows-1252', false],
    ['Latin-1 (read as Windows-1252)', iconv.encode('first,last,phone\nZoë,Brontë,2025550123\n', 'latin1'), 'windows-1252', false],
  ])('%s', (_, sample, encoding, byteOrderMark) => {
    expect(detectEncoding(sample, true)).toEqual({ encoding, byteOrderMark });
  });

  it('forgives a UTF-8 sample cut inside a character', () => {
    const cut = Buffer.from('name\nJosé').subarray(0, -1);
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
    expect(detectEncoding(cut, true).encoding).not.toBe('utf-8');
  });

  it.each([
    ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41])],
    ['control characters', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))],
  ])('refuses a binary file (%s)', (_, sample) => {
    expect(() => detectEncoding(sample, true)).toThrow(expect.objectContaining({ problem: 'binary_file' }));
  });
});
