/**
 * A stream read twice: a peek at its start (a preview decides how to read
 * it), then the whole of it from the beginning. Only the peeked bytes are
 * held; the rest is read once, as the replay reaches it.
 */
export function replayable(source: AsyncIterable<Uint8Array>) {
  const iterator = source[Symbol.asyncIterator]();
  const held: Uint8Array[] = [];
  let done = false;
  return {
    async *peek(bytes: number): AsyncGenerator<Uint8Array> {
      let seen = held.reduce((n, chunk) => n + chunk.length, 0);
      for (const chunk of held) yield chunk;
      while (!done && seen < bytes) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          return;
        }
        held.push(next.value);
        seen += next.value.length;
        yield next.value;
      }
    },
    async *replay(): AsyncGenerator<Uint8Array> {
      yield* held.splice(0);
      while (!done) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    },
  };
}
