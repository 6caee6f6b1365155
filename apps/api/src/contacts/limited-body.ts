import { PayloadTooLargeException } from '@nestjs/common';
import type { Readable } from 'node:stream';

/**
 * A request body read as it arrives, never more than `limit` bytes: past it,
 * a 413 (or, with `truncate`, just the first `limit` bytes: a preview).
 */
export async function* limitedBody(body: Readable, limit: number, { truncate = false } = {}): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (seen + chunk.length > limit) {
      if (!truncate) throw new PayloadTooLargeException(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
      yield chunk.subarray(0, limit - seen);
      body.destroy();
      return;
    }
    seen += chunk.length;
    yield chunk;
  }
}
