import iconv from 'iconv-lite';

/** A byte stream in chunks of `chunkSize`, as an upload would arrive. */
export async function* bytesOf(content: string | Uint8Array, chunkSize = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export function windows1252(text: string): Buffer {
  return iconv.encode(text, 'windows-1252');
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
