import type { ImportedContact, RejectedRow, RejectReason } from '../validation/row-result.js';

/** Running totals of one import, carried by every batch; the last batch's are the summary. */
export interface ImportProgress {
  /** Bytes read from the source so far (a little ahead of the rows validated). */
  readonly bytesRead: number;
  /** Data rows validated so far (blank lines and the header not counted). */
  readonly rowsSeen: number;
  readonly accepted: number;
  /** Rows refused for a reason other than being a duplicate. */
  readonly invalid: number;
  /** Rows whose number already appeared earlier in the file. */
  readonly duplicates: number;
  readonly byReason: Readonly<Partial<Record<RejectReason, number>>>;
}

/** One batch of results, in file order, with the running totals. */
export interface ImportBatch {
  readonly accepted: readonly ImportedContact[];
  /** Invalid rows and duplicates, each with its row number, reason and cells. */
  readonly rejected: readonly RejectedRow[];
  readonly progress: ImportProgress;
}
