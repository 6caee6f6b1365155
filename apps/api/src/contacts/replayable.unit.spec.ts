import { describe, expect, it } from 'vitest';
import { replayable } from './replayable.js';

async function* slowChunks(count: number) {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    yield new Uint8Array([i]);
  }
}

const collect = async (source: AsyncIterable<Uint8Array>) => {
  const seen: number[] = [];
  for await (const chunk of source) seen.push(...chunk);
  return seen;
};

describe('replayable', () => {
  it('a peek stopped early, with a pull still in flight, then the whole stream in order, nothing lost or doubled', async () => {
    const body = replayable(slowChunks(50));
    const peek = body.peek(10)[Symbol.asyncIterator]();
    await peek.next();
    const inFlight = peek.next(); // a read-ahead the reader abandons
    await peek.return(undefined);
    await inFlight;
    expect(await collect(body.replay())).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('a peek longer than the stream sees all of it, and so does the replay', async () => {
    const body = replayable(slowChunks(5));
    expect(await collect(body.peek(1_000))).toEqual([0, 1, 2, 3, 4]);
    expect(await collect(body.replay())).toEqual([0, 1, 2, 3, 4]);
  });
});
