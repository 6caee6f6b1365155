import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ContactImportError } from '../errors/contact-import-error.js';

export interface DetectedEncoding {
  /** An iconv-lite encoding name: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', or what chardet named. */
  readonly encoding: string;
  readonly byteOrderMark: boolean;
}

const BYTE_ORDER_MARKS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The encoding of a file from its first bytes: a byte order mark wins; then a
 * sample that is valid UTF-8 is UTF-8 (chardet guesses badly on mostly-ASCII
 * samples); otherwise chardet decides. ISO-8859-1 is read as Windows-1252, its
 * superset in practice: files "in Latin-1" come from Excel on Windows and use
 * 0x80-0x9F for curly quotes and dashes, never for C1 control codes.
 */
export function detectEncoding(sample: Uint8Array, wholeFile: boolean): DetectedEncoding {
  for (const [encoding, mark] of BYTE_ORDER_MARKS) {
    if (mark.every((byte, i) => sample[i] === byte)) return { encoding, byteOrderMark: true };
  }
  refuseBinary(sample);
  if (isUtf8(sample, wholeFile)) return { encoding: 'utf-8', byteOrderMark: false };
  const guess = chardet.detect(sample);
  if (!guess || guess === 'ISO-8859-1' || guess.startsWith('UTF') || !iconv.encodingExists(guess)) {
    return { encoding: 'windows-1252', byteOrderMark: false };
  }
  return { encoding: guess.toLowerCase(), byteOrderMark: false };
}

/** Text files have no NUL bytes and few control codes; spreadsheets, images and archives do. */
function refuseBinary(bytes: Uint8Array): void {
  refuseNulBytes(bytes);
  let controls = 0;
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  if (controls > 8 && controls > bytes.length / 100) {
    throw new ContactImportError('binary_file', 'The file is not text (it is full of control characters). Export it as CSV and try again.');
  }
}

/** Checked on every chunk after the sample: a native scan, cheap at 200 MB. */
export function refuseNulBytes(bytes: Uint8Array): void {
  if (bytes.includes(0)) throw new ContactImportError('binary_file', 'The file is not text (it contains NUL bytes). Export it as CSV and try again.');
}

/** A sample cut mid-file may end inside a multi-byte character: up to 3 bytes are forgiven then. */
function isUtf8(sample: Uint8Array, wholeFile: boolean): boolean {
  const forgivable = wholeFile ? 0 : 3;
  for (let cut = 0; cut <= Math.min(forgivable, sample.length); cut++) {
    try {
      strictUtf8.decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try one byte shorter: only a truncated trailing character may be cut
    }
  }
  return false;
}
