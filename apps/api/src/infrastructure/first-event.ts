import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@textbank/event-store';

/** A stream's first event, or undefined when the stream does not exist. First events never change: safe to read outside a command. */
export async function firstEventOf(store: EventStore, stream: string): Promise<RecordedEvent | undefined> {
  try {
    return (await store.readStream(stream, { maxCount: 1 }))[0];
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
