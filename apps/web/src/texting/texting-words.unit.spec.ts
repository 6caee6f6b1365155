import { describe, expect, it } from 'vitest';
import { batchCount, BATCH_CHOICES, MAX_ASSIGN } from './batch-size';
import { segmentsLine, timeThere } from './local-time';

describe('batchCount', () => {
  it('takes a whole number from 1 to the batch the server lets a texter hold', () => {
    expect(batchCount(50)).toBe(50);
    expect(batchCount(' 200 ')).toBe(200);
    expect(batchCount(BATCH_CHOICES.max + 1)).toBeNull();
    expect(batchCount(0)).toBeNull();
    expect(batchCount('2.5')).toBeNull();
    expect(batchCount('')).toBeNull();
    expect(batchCount(null)).toBeNull();
  });

  it('lets an admin hand out more at once', () => {
    expect(batchCount(5000, MAX_ASSIGN)).toBe(5000);
    expect(batchCount(MAX_ASSIGN + 1, MAX_ASSIGN)).toBeNull();
  });
});

describe('timeThere', () => {
  const now = new Date('2026-07-15T18:05:00Z');

  it('gives the time in the contact’s zone, daylight saving included', () => {
    expect(timeThere('America/New_York', now, 'en-US')).toBe('2:05 PM');
    expect(timeThere('America/Phoenix', now, 'en-US')).toBe('11:05 AM');
  });

  it('is null without a zone, or for one the browser does not know', () => {
    expect(timeThere(null, now)).toBeNull();
    expect(timeThere('Mars/Olympus_Mons', now)).toBeNull();
  });
});

describe('segmentsLine', () => {
  it('says segments and the character set', () => {
    expect(segmentsLine(1, 'GSM-7')).toBe('1 segment · GSM-7');
    expect(segmentsLine(3, 'UCS-2')).toBe('3 segments · UCS-2');
  });
});
