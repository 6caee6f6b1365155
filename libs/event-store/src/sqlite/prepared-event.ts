import { newEventId } from '../event-id.js';
import type { EventData, StreamMetadata } from '../types.js';
import { encodeMetadata } from '../validation/metadata-json.js';

/** An event ready for the log: data and metadata as JSON text, made before the write transaction. */
export interface PreparedEvent {
  /** Lower case: ids compare as UUIDs (EventStoreDB compares GUIDs), whatever case the caller used. */
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export const METADATA_EVENT = '$metadata';

export function prepareEvent(event: EventData): PreparedEvent {
  return {
    id: event.id === undefined ? newEventId() : event.id.toLowerCase(),
    type: event.type,
    data: JSON.stringify(event.data ?? null),
    metadata: JSON.stringify(event.metadata ?? {}),
  };
}

export function metadataEvent(metadata: StreamMetadata): PreparedEvent {
  return { id: newEventId(), type: METADATA_EVENT, data: encodeMetadata(metadata), metadata: '{}' };
}
