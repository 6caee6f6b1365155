import { decodeText } from '../decoding/decode-text.js';
import type { DetectedEncoding } from '../decoding/detect-encoding.js';
import { ContactImportError } from '../errors/contact-import-error.js';
import type { ImportLimits } from '../limits.js';
import { csvRecords, type CsvRecord } from './csv-records.js';
import { peekText } from './peek-text.js';
import { sniffDelimiter, type Delimiter } from './sniff-delimiter.js';

export interface OpenedCsv {
  readonly encoding: DetectedEncoding;
  readonly delimiter: Delimiter;
  /** The first non-blank record, cells trimmed. */
  readonly headers: readonly string[];
  /** The data records after the header. */
  readonly records: AsyncGenerator<CsvRecord>;
  /** Bytes read from the source so far (the read-ahead included). */
  bytesRead(): number;
}

const SNIFF_CHARS = 16 * 1024;

/** Decodes, sniffs the delimiter and reads the header row; refuses an empty file. */
export async function openCsv(bytes: AsyncIterable<Uint8Array>, limits: ImportLimits): Promise<OpenedCsv> {
  let bytesRead = 0;
  let encoding: DetectedEncoding | undefined;
  const text = decodeText(bytes, {
    sampleBytes: limits.sampleBytes,
    onEncoding: (detected) => (encoding = detected),
    onBytes: (count) => (bytesRead += count),
  });
  const { head, all } = await peekText(text, SNIFF_CHARS);
  const delimiter = sniffDelimiter(head);
  const records = csvRecords(all, delimiter, limits);
  const first = await records.next();
  if (first.done) throw new ContactImportError('empty_file', 'The file is empty.');
  return {
    encoding: encoding!,
    delimiter,
    headers: first.value.cells.map((cell) => cell.trim()),
    records,
    bytesRead: () => bytesRead,
  };
}
