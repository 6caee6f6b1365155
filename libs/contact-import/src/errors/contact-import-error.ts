/**
 * Why a whole file is refused. Each code maps to one clear 4xx at the HTTP edge
 * (see README of this library); none of them is a bug, so none is a 5xx.
 */
export type FileProblem =
  | 'empty_file' // no bytes, or only blank lines
  | 'header_only' // a header row and no data row
  | 'binary_file' // NUL bytes or text that does not decode
  | 'field_too_large' // one field (or record) over limits.maxRecordChars
  | 'too_many_columns' // a record wider than limits.maxColumns
  | 'malformed_csv' // e.g. a quote opened and never closed
  | 'no_phone_column' // no header looks like a phone column (preview)
  | 'phone_not_mapped' // a mapping without exactly one phone column
  | 'invalid_mapping' // a mapping that does not fit the file's header
  | 'workers_unavailable'; // the validation workers could not start

export class ContactImportError extends Error {
  override readonly name = 'ContactImportError';

  constructor(
    readonly problem: FileProblem,
    message: string,
    /** 1-based file line where the problem was seen, when there is one. */
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

export function isContactImportError(error: unknown): error is ContactImportError {
  return error instanceof ContactImportError;
}
