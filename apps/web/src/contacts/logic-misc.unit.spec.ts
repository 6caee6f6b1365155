import { describe, expect, it } from 'vitest';
import { aPreview, anUpload } from './contacts-test-data';
import { answerOf } from './send-csv';
import { sameUploadOnRetry } from './upload-attempt';
import { onUploadProgress } from './upload-progress-feed';
import { uploadOutcome, uploadStatus } from './upload-status';
import { UploadPreview } from '@textbank/contracts';

describe('upload status', () => {
  it.each([
    [anUpload(), 'completed', 'Completed'],
    [anUpload({ status: 'abandoned', counts: null }), 'abandoned', 'Not imported'],
    [anUpload({ status: 'started', interrupted: true, counts: null }), 'interrupted', 'Interrupted'],
    [anUpload({ status: 'started', interrupted: false, counts: null, received: 2000 }), 'started', 'Uploading…'],
  ])('%#', (upload, status, label) => {
    expect(uploadStatus(upload)).toMatchObject({ status, label });
  });

  it('sums up an outcome', () => {
    expect(uploadOutcome(anUpload())).toBe('3 of 7 rows added; 4 not.');
    expect(uploadOutcome(anUpload({ counts: { rows: 2, accepted: 2, invalid: 0, duplicate: 0, optedOut: 0 } }))).toBe('2 of 2 rows added.');
    expect(uploadOutcome(anUpload({ counts: null }))).toBe('');
  });
});

describe('retrying an upload', () => {
  it('keeps the same key only when the answer never came or the same upload still runs', () => {
    expect(sameUploadOnRetry({ statusCode: 0, error: 'Network Error', message: 'x' })).toBe(true);
    expect(sameUploadOnRetry({ statusCode: 409, error: 'Conflict', message: 'This file is already being uploaded' })).toBe(true);
    expect(sameUploadOnRetry({ statusCode: 409, error: 'Conflict', message: 'This upload was discarded; upload the file again' })).toBe(false);
    expect(sameUploadOnRetry({ statusCode: 400, error: 'Bad Request', message: 'bad' })).toBe(false);
  });
});

describe('answers to CSV requests', () => {
  it('parses a good answer with the contract', () => {
    expect(answerOf(201, 'Created', JSON.stringify(aPreview()), UploadPreview)).toEqual({ ok: true, value: aPreview() });
  });

  it('keeps the server’s own message for a refused file', () => {
    const refused = answerOf(400, 'Bad Request', JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'The file has a header but no rows.' }), UploadPreview);
    expect(refused).toEqual({ ok: false, error: { statusCode: 400, error: 'Bad Request', message: 'The file has a header but no rows.' } });
  });

  it('explains a 413 from a proxy without a JSON body, and anything unreadable', () => {
    const tooBig = answerOf(413, 'Payload Too Large', '<html>', UploadPreview);
    expect(!tooBig.ok && tooBig.error.message).toMatch(/larger than 200 MB/);
    const odd = answerOf(201, 'Created', '{"nope":1}', UploadPreview);
    expect(!odd.ok && odd.error.message).toMatch(/does not understand/);
  });
});

describe('upload progress from the socket', () => {
  it('passes on this campaign’s well-formed progress only, until stopped', () => {
    const listeners = new Map<string, (raw: unknown) => void>();
    const socket = { on: (event: string, fn: (raw: unknown) => void) => listeners.set(event, fn), off: (event: string) => listeners.delete(event) };
    const seen: string[] = [];
    const stop = onUploadProgress('c1', (progress) => seen.push(progress.phase), socket);
    const progress = { uploadId: 'u', campaignId: 'c1', phase: 'reading', bytesRead: 1, totalBytes: 2, rowsSeen: 1, accepted: 1, rejected: 0 };
    listeners.get('upload-progress')!(progress);
    listeners.get('upload-progress')!({ ...progress, campaignId: 'other' });
    listeners.get('upload-progress')!({ nonsense: true });
    listeners.get('upload-progress')!({ ...progress, phase: 'done' });
    expect(seen).toEqual(['reading', 'done']);
    stop();
    expect(listeners.size).toBe(0);
  });
});
