import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';

/**
 * The floor to compare with: the same file read from disk and split into
 * records by csv-parse alone, no decoding checks, phone parsing, events or
 * read models. Seconds.
 */
export async function parseOnlySeconds(path: string): Promise<{ seconds: number; records: number }> {
  const started = performance.now();
  let records = 0;
  for await (const _record of createReadStream(path).pipe(parse({ bom: true, relax_column_count: true }))) records++;
  return { seconds: (performance.now() - started) / 1000, records: records - 1 };
}
