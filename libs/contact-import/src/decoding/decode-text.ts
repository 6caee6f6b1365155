import iconv from 'iconv-lite';
import { detectEncoding, refuseNulBytes, type DetectedEncoding } from './detect-encoding.js';

export interface DecodeOptions {
  readonly sampleBytes: number;
  readonly onEncoding: (encoding: DetectedEncoding) => void;
  /** Called with each chunk's size as it is read: the bytes-read half of progress. */
  readonly onBytes: (bytes: number) => void;
}

/**
 * Decodes a byte stream chunk by chunk: the first `sampleBytes` decide the
 * encoding, then a stateful iconv decoder carries characters split across
 * chunks. Never holds more than the sample plus one chunk; pulling from the
 * source only when the consumer pulls keeps the upload's back-pressure.
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, options: DecodeOptions): AsyncGenerator<string> {
  const source = bytes[Symbol.asyncIterator]();
  try {
    const sample: Buffer[] = [];
    let sampled = 0;
    let ended = false;
    while (sampled < options.sampleBytes) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      options.onBytes(chunk.length);
      sample.push(chunk);
      sampled += chunk.length;
    }
    const head = Buffer.concat(sample);
    const detected = detectEncoding(head, ended);
    options.onEncoding(detected);
    const wide = detected.encoding.startsWith('utf-16');
    const decoder = iconv.getDecoder(detected.encoding, { stripBOM: true });
    yield decoder.write(head);
    while (!ended) {
      const next = await source.next();
      if (next.done) break;
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      options.onBytes(chunk.length);
      if (!wide) refuseNulBytes(chunk);
      yield decoder.write(chunk);
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    await source.return?.();
  }
}
