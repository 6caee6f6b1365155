import type { UploadView } from '@textbank/contracts';

export type UploadStatusShown = 'completed' | 'interrupted' | 'started' | 'abandoned';

/** How an upload's state reads in the list, with a word and what the admin can do about it. */
export function uploadStatus(upload: UploadView): { status: UploadStatusShown; label: string; hint: string } {
  if (upload.status === 'completed') return { status: 'completed', label: 'Completed', hint: '' };
  if (upload.status === 'abandoned') return { status: 'abandoned', label: 'Not imported', hint: 'Nothing from this upload was added.' };
  if (upload.interrupted) {
    return { status: 'interrupted', label: 'Interrupted', hint: 'It stopped before the end, so none of its contacts were added. Upload the file again, or discard this one.' };
  }
  return { status: 'started', label: 'Uploading…', hint: `${upload.received.toLocaleString('en-US')} contacts received so far.` };
}

/** One line for an upload's outcome: "3 of 7 rows added; 4 not (download the rejected rows)". */
export function uploadOutcome(upload: UploadView): string {
  if (!upload.counts) return '';
  const { rows, accepted } = upload.counts;
  const rejected = rows - accepted;
  return `${accepted.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows added${rejected > 0 ? `; ${rejected.toLocaleString('en-US')} not` : ''}.`;
}
