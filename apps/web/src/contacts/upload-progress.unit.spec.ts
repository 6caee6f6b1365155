import type { UploadProgress } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { fileSize, progressShown } from './upload-progress';

const server = (over: Partial<UploadProgress>): UploadProgress => ({
  uploadId: 'u', campaignId: 'c', key: null, phase: 'reading', bytesRead: 0, totalBytes: 1000, rowsSeen: 0, accepted: 0, rejected: 0, ...over,
});

describe('upload progress', () => {
  it('starts at 0 and moves with the bytes sent', () => {
    expect(progressShown({ sentBytes: 0, totalBytes: 1000, server: null, answered: false })).toMatchObject({ percent: 0, stage: 'sending' });
    const half = progressShown({ sentBytes: 500, totalBytes: 2 * 1024 * 1024, server: null, answered: false });
    expect(half.stage).toBe('sending');
    expect(half.words).toBe('Sending the file: 500 bytes of 2.0 MB');
  });

  it('then with the rows the server has checked', () => {
    const sent = progressShown({ sentBytes: 1000, totalBytes: 1000, server: null, answered: false });
    expect(sent).toMatchObject({ percent: 45, stage: 'checking', words: 'Checking rows…' });
    const checking = progressShown({ sentBytes: 1000, totalBytes: 1000, server: server({ bytesRead: 500, rowsSeen: 12_000, accepted: 11_500 }), answered: false });
    expect(checking).toMatchObject({ percent: 70, stage: 'checking', words: 'Checking rows: 12,000 rows read, 11,500 accepted so far' });
  });

  it('never shows 100 before the end, even with every byte read', () => {
    expect(progressShown({ sentBytes: 1000, totalBytes: 1000, server: server({ bytesRead: 1000 }), answered: false }).percent).toBe(95);
    expect(progressShown({ sentBytes: 1000, totalBytes: 1000, server: server({ phase: 'storing', accepted: 3 }), answered: false })).toMatchObject({
      percent: 97, stage: 'storing', words: 'Storing 3 contacts…',
    });
  });

  it('is 100 when the server says done or answers', () => {
    expect(progressShown({ sentBytes: 1000, totalBytes: 1000, server: server({ phase: 'done', rowsSeen: 7 }), answered: false })).toMatchObject({ percent: 100, stage: 'done', words: 'Done: 7 rows checked.' });
    expect(progressShown({ sentBytes: 10, totalBytes: 1000, server: null, answered: true })).toMatchObject({ percent: 100, stage: 'done' });
  });

  it('uses the browser’s size when the server did not get one', () => {
    expect(progressShown({ sentBytes: 1000, totalBytes: 1000, server: server({ bytesRead: 1000, totalBytes: null }), answered: false }).percent).toBe(95);
  });

  it.each([[0, '0 bytes'], [1023, '1023 bytes'], [840 * 1024, '840 KB'], [5.25 * 1024 * 1024, '5.3 MB'], [200 * 1024 * 1024, '200 MB']])('%d bytes read as %s', (bytes, words) => {
    expect(fileSize(bytes)).toBe(words);
  });
});
