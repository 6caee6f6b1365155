import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const AREA_CODES = [212, 310, 415, 602, 713, 305, 404, 617, 206, 303, 312, 214, 702, 808, 907];

/** What the generated file should come to: the bench checks the upload's counts against it. */
export interface VoterFile {
  readonly path: string;
  readonly bytes: number;
  readonly rows: number;
  readonly expected: { readonly accepted: number; readonly invalid: number; readonly duplicate: number; readonly optedOut: number };
  /** Numbers to put on the opt-out list before the upload (E.164). */
  readonly optOuts: readonly string[];
}

const phoneOf = (n: number) => {
  const area = AREA_CODES[n % AREA_CODES.length]!;
  const exchange = 201 + (Math.floor(n / AREA_CODES.length / 10_000) % 700);
  const line = Math.floor(n / AREA_CODES.length) % 10_000;
  return { cell: `(${area}) ${exchange}-${String(line).padStart(4, '0')}`, e164: `+1${area}${exchange}${String(line).padStart(4, '0')}` };
};

/**
 * A voter file as people have them: `rows` data rows, 20% of them bad in
 * the ways that matter (8% invalid numbers, 6% the same number twice, 6% on
 * the opt-out list), with a ZIP (a few empty), names and a custom column.
 */
export async function writeVoterFile(path: string, rows: number): Promise<VoterFile> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\uFEFFPhone Number,First Name,Last Name,Zip,Polling Place\r\n');
  const optOuts: string[] = [];
  const counts = { accepted: 0, invalid: 0, duplicate: 0, optedOut: 0 };
  let unique = 0;
  let chunk = '';
  for (let row = 0; row < rows; row++) {
    const kind = row % 50; // 4 of 50 invalid, 3 duplicates, 3 opted out: 20%
    let cell: string;
    if (kind < 4) {
      cell = kind % 2 ? `555-${String(row % 100).padStart(2, '0')}` : `not a phone ${row}`;
      counts.invalid++;
    } else if (kind < 7 && unique > 0) {
      cell = phoneOf(unique - 1).cell; // the number of the row just before
      counts.duplicate++;
    } else {
      const phone = phoneOf(unique++);
      cell = phone.cell;
      if (kind < 10) {
        optOuts.push(phone.e164);
        counts.optedOut++;
      } else counts.accepted++;
    }
    const zip = row % 17 === 0 ? '' : String(10001 + (row % 89000)).padStart(5, '0');
    chunk += `${cell},Voter${row},Family${row % 977},${zip},Site ${row % 40}\r\n`;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return { path, bytes, rows, expected: counts, optOuts };
}
