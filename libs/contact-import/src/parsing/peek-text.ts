/** The first `minChars` of a text stream (or all of it, if shorter), and the whole stream to read on. */
export async function peekText(
  chunks: AsyncGenerator<string>,
  minChars: number,
): Promise<{ head: string; all: AsyncGenerator<string> }> {
  const peeked: string[] = [];
  let length = 0;
  while (length < minChars) {
    const next = await chunks.next();
    if (next.done) break;
    peeked.push(next.value);
    length += next.value.length;
  }
  async function* all(): AsyncGenerator<string> {
    try {
      yield* peeked.splice(0);
      yield* chunks;
    } finally {
      await chunks.return(undefined);
    }
  }
  return { head: peeked.join(''), all: all() };
}
