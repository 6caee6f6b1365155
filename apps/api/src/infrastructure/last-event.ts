import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@textbank/event-store';

/** A stream's last event; undefined when the stream does not exist yet. */
export async function lastEventOf(store: EventStore, stream: string): Promise<RecordedEvent | undefined> {
  try {
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
