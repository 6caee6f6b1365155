import { stringify } from 'csv-stringify/sync';
import type { RejectedRow } from '../validation/row-result.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at its
 * start) gets a leading single quote, which spreadsheets show as text (OWASP
 * "CSV injection"). Applies to every cell we write, headers and messages too.
 */
export function defuseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The rejects CSV's header line: row, reason, message, then the file's own columns. */
export function rejectsCsvHeader(fileHeaders: readonly string[]): string {
  return csvLines([['row', 'reason', 'message', ...fileHeaders]]);
}

/** Lines for some rejected rows, to append after the header batch by batch (no whole file in memory). */
export function rejectsCsvLines(rows: readonly RejectedRow[]): string {
  return csvLines(rows.map((row) => [String(row.row), row.reason, row.message, ...row.cells]));
}

function csvLines(records: readonly (readonly string[])[]): string {
  return stringify(records.map((cells) => cells.map(defuseFormula)), { record_delimiter: '\r\n', quoted_match: /^\s|\s$/ });
}
