/** Bounds that keep one hostile or broken file from taking the process down. */
export interface ImportLimits {
  /** Characters one record may hold (csv-parse `max_record_size`): a 10 MB field is an error, not an OOM. */
  readonly maxRecordChars: number;
  /** Columns one record may have: a line of 100,000 commas is refused. */
  readonly maxColumns: number;
  /** Bytes looked at to detect the encoding (BOM, NUL bytes, UTF-8 validity, chardet). */
  readonly sampleBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxRecordChars: 1_000_000,
  maxColumns: 500,
  sampleBytes: 64 * 1024,
};
