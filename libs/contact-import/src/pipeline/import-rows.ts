import { ContactImportError } from '../errors/contact-import-error.js';
import { DEFAULT_LIMITS, type ImportLimits } from '../limits.js';
import { checkMapping } from '../mapping/check-mapping.js';
import type { ColumnMapping } from '../mapping/column-mapping.js';
import { openCsv } from '../parsing/open-csv.js';
import { DEFAULT_PHONE_OPTIONS, type PhoneOptions } from '../phone/phone-normaliser.js';
import { rowPlanOf } from '../validation/row-plan.js';
import type { RowResult } from '../validation/row-result.js';
import type { RowBatch } from '../validation/validate-batch.js';
import { BatchValidation, defaultWorkerCount } from './batch-validation.js';
import type { ImportBatch } from './import-batch.js';
import { RunningTotals } from './running-totals.js';

export interface ImportOptions {
  readonly limits?: Partial<ImportLimits>;
  /** Rows per yielded batch (default 1,000: one contacts event's worth). */
  readonly batchSize?: number;
  /** Validation worker threads (default 0: on the calling thread, faster as measured; see batch-validation.ts). */
  readonly workers?: number;
  readonly phone?: Partial<PhoneOptions>;
}

/**
 * Streams a CSV's rows through validation: decode, parse, validate (on worker
 * threads, order kept), drop duplicates within the file, and yield batches of
 * about `batchSize` rows. Reads ahead at most a few batches: a consumer that
 * is slow to pull (writing events) slows the reading of the upload, so memory
 * stays bounded whatever the file's size. Throws ContactImportError for a file
 * that cannot be imported at all (see FileProblem); a bad row is a rejected
 * row, never an error.
 */
export async function* importRows(
  bytes: AsyncIterable<Uint8Array>,
  mapping: ColumnMapping,
  options: ImportOptions = {},
): AsyncGenerator<ImportBatch, void, undefined> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const batchSize = options.batchSize ?? 1_000;
  const workers = options.workers ?? defaultWorkerCount();
  const csv = await openCsv(bytes, limits);
  const inFlight: { results: Promise<RowResult[]>; batch: RowBatch }[] = [];
  let validation: BatchValidation | null = null;
  try {
    checkMapping(mapping, csv.headers);
    validation = new BatchValidation(rowPlanOf(mapping, { ...DEFAULT_PHONE_OPTIONS, ...options.phone }), workers);
    const maxInFlight = validation.parallel ? workers * 2 : 1;
    const totals = new RunningTotals(csv.bytesRead);
    let batch: { cells: string[][]; lines: number[] } = { cells: [], lines: [] };
    for await (const record of csv.records) {
      batch.cells.push(record.cells);
      batch.lines.push(record.line);
      if (batch.cells.length < batchSize) continue;
      inFlight.push({ results: validation.validate(batch), batch });
      batch = { cells: [], lines: [] };
      while (inFlight.length >= maxInFlight) yield await settled(inFlight.shift()!, totals);
    }
    if (batch.cells.length > 0) inFlight.push({ results: validation.validate(batch), batch });
    while (inFlight.length > 0) yield await settled(inFlight.shift()!, totals);
    if (totals.rowsSeen === 0) throw new ContactImportError('header_only', 'The file has a header row but no rows of contacts.');
  } finally {
    for (const pending of inFlight) pending.results.catch(() => undefined); // abandoned by an early return: nobody awaits them
    await validation?.close();
    await csv.records.return(undefined);
  }
}

async function settled(pending: { results: Promise<RowResult[]>; batch: RowBatch }, totals: RunningTotals): Promise<ImportBatch> {
  return totals.add(await pending.results, pending.batch.cells);
}
