/** A point in the `$all` log. Increasing, not contiguous; mirrors EventStoreDB's commit/prepare pair. */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** 0-based stream revision, or one of EventStoreDB's expectations. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export const START = 'start' as const;
export const END = 'end' as const;
export type Direction = 'forwards' | 'backwards';

/** Who did it, why and when: required on every non-system event (type not starting with `$`). */
export interface EventMetadata {
  readonly actor: { readonly id: string; readonly kind: 'person' | 'system'; readonly name?: string };
  /** The command that caused the event. */
  readonly causationId: string;
  /** The user request or process the command belongs to. */
  readonly correlationId: string;
  /** ISO-8601 time the command was decided, from the command's `now`. */
  readonly timestamp: string;
  /** Version of the event's data shape; upcasters raise old versions on read. */
  readonly schemaVersion: number;
  readonly [extra: string]: unknown;
}

export interface EventData<Type extends string = string, Data = unknown> {
  /** UUID; generated as UUIDv7 when absent. A retried append with the same ids is not written twice. */
  readonly id?: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata?: EventMetadata | Readonly<Record<string, unknown>>;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly created: Date;
  readonly position: Position;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  readonly success: true;
  /** Revision of the stream's last event (the revision to expect next time). -1n for an empty append to no stream. */
  readonly nextExpectedRevision: bigint;
  /** `$all` position of the last event written (or found, for an idempotent retry). */
  readonly position?: Position;
}

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Default: start forwards, end backwards. */
  readonly fromRevision?: typeof START | typeof END | bigint;
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Exact event types to include. */
  readonly eventTypes?: readonly string[];
  /** Stream name prefixes to include (`campaign-`). */
  readonly streamPrefixes?: readonly string[];
  /** Exact stream names to include. */
  readonly streamNames?: readonly string[];
  /** Leave out `$`-prefixed system events and metadata streams. */
  readonly excludeSystemEvents?: boolean;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Forwards: inclusive; backwards: events before this position. */
  readonly fromPosition?: typeof START | typeof END | Position;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface StreamMetadata {
  /** Seconds an event stays readable. */
  readonly maxAge?: number;
  /** How many of the latest events stay readable. */
  readonly maxCount?: number;
  /** Events before this revision are not readable. */
  readonly truncateBefore?: bigint;
  readonly custom?: Readonly<Record<string, unknown>>;
}

export interface StreamMetadataResult {
  readonly streamId: string;
  readonly metadata: StreamMetadata;
  /** Revision of the metadata stream, for optimistic concurrency; undefined when never set. */
  readonly metastreamRevision?: bigint;
}

export interface SubscriptionHandler {
  /** Called with events in order, each exactly once; the next batch waits for the returned promise. */
  onEvents(events: readonly RecordedEvent[]): void | Promise<void>;
  /** Called each time the subscription has read everything written so far. */
  onCaughtUp?(position: Position | undefined): void;
  /** A failed handler or read stops the subscription and lands here. */
  onError?(error: unknown): void;
}

export interface SubscribeToAllOptions {
  /** Exclusive: the first event delivered is the one after this position. */
  readonly fromPosition?: typeof START | typeof END | Position;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
}

export interface SubscribeToStreamOptions {
  /** Exclusive: the first event delivered is the one after this revision. */
  readonly fromRevision?: typeof START | typeof END | bigint;
  readonly batchSize?: number;
}

export interface Subscription {
  unsubscribe(): Promise<void>;
}
