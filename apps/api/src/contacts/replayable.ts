/**
 * A stream read twice: a peek at its start (a preview decides how to read
 * it), then the whole of it from the beginning. Pulls from the source are
 * serialised and every chunk lands in one list, so a pull the peek left in
 * flight is still replayed in order; the replay lets go of each chunk once
 * passed on, so only the peeked bytes are ever held.
 */
export function replayable(source: AsyncIterable<Uint8Array>) {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Array<Uint8Array | undefined> = [];
  let done = false;
  let pulling: Promise<void> = Promise.resolve();
  const pullOne = () =>
    (pulling = pulling.then(async () => {
      if (done) return;
      const next = await iterator.next();
      if (next.done) done = true;
      else chunks.push(next.value);
    }));
  return {
    async *peek(bytes: number): AsyncGenerator<Uint8Array> {
      let seen = 0;
      for (let i = 0; ; ) {
        while (i < chunks.length) {
          const chunk = chunks[i++]!;
          seen += chunk.length;
          yield chunk;
          if (seen >= bytes) return;
        }
        if (done) return;
        await pullOne();
      }
    },
    async *replay(): AsyncGenerator<Uint8Array> {
      for (let i = 0; ; ) {
        await pulling; // a pull the peek left in flight lands first
        while (i < chunks.length) {
          const chunk = chunks[i]!;
          chunks[i++] = undefined;
          yield chunk;
        }
        if (done) return;
        await pullOne();
      }
    },
  };
}
