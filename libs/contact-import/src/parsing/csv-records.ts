import { Readable, pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { ContactImportError } from '../errors/contact-import-error.js';
import type { ImportLimits } from '../limits.js';
import type { Delimiter } from './sniff-delimiter.js';

export interface CsvRecord {
  /** Cells as csv-parse gave them, trailing empty cells dropped. */
  readonly cells: string[];
  /**
   * 1-based line number of the record's first line in the file, counting every
   * line break (CRLF, LF or CR), blank lines and line breaks inside quoted fields
   * included: the number a spreadsheet or text editor shows for that line.
   */
  readonly line: number;
}

/**
 * Records of a decoded CSV, blank ones (no cell with content) skipped.
 * Line numbers are counted here, not taken from csv-parse's `info.lines`,
 * which counts a CRLF inside a quoted field as two lines.
 */
export async function* csvRecords(text: AsyncGenerator<string>, delimiter: Delimiter, limits: ImportLimits): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: limits.maxRecordChars,
  });
  const source = Readable.from(text, { objectMode: false });
  pipeline(source, parser, () => undefined); // errors reach the loop below through the parser
  let nextLine = 1;
  try {
    for await (const raw of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine = line + 1 + lineBreaksIn(raw);
      const cells = withoutTrailingEmptyCells(raw);
      if (cells.length === 0) continue;
      if (cells.length > limits.maxColumns) {
        throw new ContactImportError('too_many_columns', `Line ${line} has ${cells.length} columns; at most ${limits.maxColumns} are allowed.`, line);
      }
      yield { cells, line };
    }
  } catch (error) {
    throw asImportError(error, nextLine, limits);
  } finally {
    source.destroy();
    parser.destroy();
  }
}

function withoutTrailingEmptyCells(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const char = cell.charCodeAt(i);
      if (char === 0x0a) breaks++;
      else if (char === 0x0d && cell.charCodeAt(i + 1) !== 0x0a) breaks++;
    }
  }
  return breaks;
}

function asImportError(error: unknown, line: number, limits: ImportLimits): unknown {
  if (!(error instanceof CsvError)) return error;
  // records parsed before the error may not have reached the loop yet, so csv-parse's own count is nearer
  if (typeof error.lines === 'number' && error.lines > line) line = error.lines;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    const limit = limits.maxRecordChars.toLocaleString('en-US');
    return new ContactImportError('field_too_large', `The row starting at line ${line} is longer than ${limit} characters.`, line);
  }
  return new ContactImportError('malformed_csv', `The file is not valid CSV near line ${line}: ${error.message}`, line);
}
