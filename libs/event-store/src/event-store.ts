import type {
  AppendOptions,
  AppendResult,
  EventData,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  StreamMetadataResult,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
  SubscriptionHandler,
} from './types.js';

/**
 * The event store port. It mirrors EventStoreDB's client semantics so that an
 * adapter switch is configuration: 0-based revisions, expected revisions,
 * one stream per append (all or nothing), idempotency by event id, exclusive
 * subscription start positions, metadata applied at read time, nothing ever
 * physically deleted.
 */
export interface EventStore {
  /**
   * True when whoever holds this store is the only one appending to it (the
   * embedded SQLite store: one API process per data directory): a stream
   * state folded from its own appends is then current without reading the
   * stream again. Absent or false for a shared store (EventStoreDB).
   */
  readonly soleWriter?: boolean;
  appendToStream(streamName: string, events: readonly EventData[], options?: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFoundError for a stream that never existed or was soft deleted. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(handler: SubscriptionHandler, options?: SubscribeToAllOptions): Subscription;
  subscribeToStream(streamName: string, handler: SubscriptionHandler, options?: SubscribeToStreamOptions): Subscription;
  getStreamMetadata(streamName: string): Promise<StreamMetadataResult>;
  setStreamMetadata(streamName: string, metadata: StreamMetadata, options?: AppendOptions): Promise<AppendResult>;
  /**
   * Soft delete ($tb = 2^63-1): reads fail as not found. Expected revisions still see the last
   * revision (stream_exists answers stream deleted); a later append brings the stream back with
   * only the new events, numbering continuing; metadata written meanwhile keeps the old events hidden.
   */
  deleteStream(streamName: string, options?: AppendOptions): Promise<void>;
  /** Hard delete: the stream can never be read or appended to again. Its events stay in `$all`. */
  tombstoneStream(streamName: string, options?: AppendOptions): Promise<void>;
  /** Position of the last event in `$all`, undefined when empty. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
}
