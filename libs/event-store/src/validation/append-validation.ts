import { InvalidAppendError } from '../errors.js';
import { isUuid } from '../event-id.js';
import type { EventData } from '../types.js';

const ALL_STREAM = '$all';
/** Who, why and when: required on every domain event (see EventMetadata). */
const REQUIRED_METADATA = ['actor', 'causationId', 'correlationId', 'timestamp', 'schemaVersion'] as const;

export function assertWritableStream(streamName: string): void {
  if (typeof streamName !== 'string' || streamName.length === 0 || streamName.length > 500) {
    throw new InvalidAppendError('A stream name must be 1 to 500 characters');
  }
  if (streamName === ALL_STREAM) throw new InvalidAppendError('Cannot append to $all');
}

export function assertValidEvent(streamName: string, event: EventData, index: number): void {
  if (event.id !== undefined && !isUuid(event.id)) throw new InvalidAppendError(`Event ${index}: id must be a UUID`);
  if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError(`Event ${index}: type is required`);
  if (event.type.startsWith('$') || streamName.startsWith('$')) return;
  const metadata = event.metadata as Record<string, unknown> | undefined;
  for (const field of REQUIRED_METADATA) {
    // null is no value either: JSON keeps it, and a reader would find the field empty.
    if (metadata?.[field] == null) throw new InvalidAppendError(`Event ${index} (${event.type}): metadata.${field} is required`);
  }
}
