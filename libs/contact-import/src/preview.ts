import { cleanCell } from './cells/clean-cell.js';
import type { DetectedEncoding } from './decoding/detect-encoding.js';
import { ContactImportError } from './errors/contact-import-error.js';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js';
import type { ColumnMapping } from './mapping/column-mapping.js';
import { guessMapping } from './mapping/guess-mapping.js';
import { openCsv } from './parsing/open-csv.js';
import type { Delimiter } from './parsing/sniff-delimiter.js';
import { PhoneNormaliser } from './phone/phone-normaliser.js';

export interface CsvPreview {
  readonly encoding: DetectedEncoding;
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  /** The first data rows (up to `rows`), cells cleaned as the import will read them, with their line numbers. */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
  /** The mapping screen's starting point; the admin confirms or changes it. */
  readonly guessedMapping: ColumnMapping;
}

/**
 * Headers, the first rows and a guessed mapping, for the mapping screen.
 * Reads only as far as it needs and stops reading the source after that.
 * Refuses an empty file, a header without rows, and a file where no column
 * could be the phone (by its header or by its values).
 */
export async function previewOf(bytes: AsyncIterable<Uint8Array>, options: { rows?: number; limits?: Partial<ImportLimits> } = {}): Promise<CsvPreview> {
  const csv = await openCsv(bytes, { ...DEFAULT_LIMITS, ...options.limits });
  const rows: { line: number; cells: string[] }[] = [];
  try {
    for await (const record of csv.records) {
      rows.push({ line: record.line, cells: record.cells.map(cleanCell) });
      if (rows.length >= (options.rows ?? 10)) break;
    }
  } finally {
    await csv.records.return(undefined);
  }
  if (rows.length === 0) throw new ContactImportError('header_only', 'The file has a header row but no rows of contacts.');
  const phones = new PhoneNormaliser({ countries: 'any', fastPath: false });
  const guessedMapping = guessMapping(csv.headers, rows.map((row) => row.cells), (cell) => phones.normalise(cell).ok);
  if (!guessedMapping.columns.some((role) => role.kind === 'field' && role.field === 'phone')) {
    throw new ContactImportError('no_phone_column', `No column looks like phone numbers (columns: ${csv.headers.join(', ')}).`);
  }
  return { encoding: csv.encoding, delimiter: csv.delimiter, headers: csv.headers, rows, guessedMapping };
}
