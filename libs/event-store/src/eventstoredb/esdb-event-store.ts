import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  START,
  streamNameFilter,
  type Filter,
} from '@eventstore/db-client';
import { InvalidAppendError, StreamDeletedError, StreamNotFoundError } from '../errors.js';
import { newEventId } from '../event-id.js';
import { matchesFilter } from '../event-filter.js';
import type { EventStore } from '../event-store.js';
import { noUpcasting, type Upcaster } from '../upcasting.js';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventFilter,
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
} from '../types.js';
import { assertValidEvent, assertWritableStream } from '../validation/append-validation.js';
import { assertMetadataEventData, assertStreamMetadata, decodeMetadata, encodeMetadata } from '../validation/metadata-json.js';
import { isTransient, portError } from './esdb-errors.js';
import { ResubscribingSubscription, type ClientSubscription } from './resubscribing-subscription.js';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, or `esdb+discover://…` for a cluster. */
  readonly connectionString: string;
  readonly upcast?: Upcaster;
  /** Attempts for a call that met an unavailable node or a leader change (same event ids each time). */
  readonly attempts?: number;
}

/** The client's recorded event, as far as this adapter reads it. */
interface ClientRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly created: Date;
  readonly position?: { readonly commit: bigint; readonly prepare: bigint };
}

const READ_PAGE = 500;
const BACKOFF_MS = [50, 100, 250, 500, 1000, 2000];
const METADATA_EVENT = '$metadata';

/**
 * The EventStore port on EventStoreDB (KurrentDB) through
 * @eventstore/db-client. The server keeps the rules (expected revisions,
 * idempotency by event id, soft delete, tombstones, metadata); this adapter
 * validates what the port promises beyond EventStoreDB (required event
 * metadata, well-formed stream metadata), names ids before the first attempt
 * so a retried append is the same append, retries calls that met an
 * unavailable node or a leader change, filters what the server cannot
 * (`$all` reads; a second filter on subscriptions) and maps every client
 * error to the port's. Every read is consumed to its end: an unconsumed read
 * stream would crash the process with an unhandled error.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly upcast: Upcaster;
  private readonly attempts: number;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.upcast = options.upcast ?? noUpcasting;
    this.attempts = options.attempts ?? BACKOFF_MS.length;
  }

  async appendToStream(streamName: string, events: readonly EventData[], options: AppendOptions = {}): Promise<AppendResult> {
    assertWritableStream(streamName);
    const metastream = streamName.startsWith('$$');
    const named = events.map((event, index) => {
      assertValidEvent(streamName, event, index);
      if (metastream) assertMetadataEventData(event.data, index);
      // Named once, before the first attempt: a retry after a lost answer is recognised by these ids.
      return { ...event, id: (event.id ?? newEventId()).toLowerCase() };
    });
    return this.write(streamName, named, options);
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.retrying('readStream', streamName, () =>
      this.collect(
        this.client.readStream(streamName, {
          direction: options.direction === 'backwards' ? BACKWARDS : FORWARDS,
          fromRevision: options.fromRevision === undefined ? (options.direction === 'backwards' ? END : START) : revisionOption(options.fromRevision),
          ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
        }),
      ),
    );
  }

  /**
   * The client reads `$all` without a server-side filter, so a filtered read
   * pages through `$all` and keeps what matches: fine for the event log's
   * pages, slow for a rare type in a long log (see docs/scale-out.md).
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const wanted = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const kept: RecordedEvent[] = [];
    let from: Position | 'start' | 'end' = options.fromPosition ?? (backwards ? 'end' : 'start');
    let skip: Position | undefined;
    for (;;) {
      const pageSize = options.filter ? READ_PAGE : Math.min(wanted - kept.length + (skip ? 1 : 0), READ_PAGE);
      const page: RecordedEvent[] = await this.retrying('readAll', undefined, () =>
        this.collect(this.client.readAll({ direction: backwards ? BACKWARDS : FORWARDS, fromPosition: positionOption(from), maxCount: pageSize })),
      );
      for (const event of page) {
        // Forwards reads include their start: the last event of the page before comes again.
        if (skip && event.position.commit === skip.commit && event.position.prepare === skip.prepare) continue;
        if (matchesFilter(options.filter, event.streamId, event.type)) kept.push(event);
        if (kept.length >= wanted) return kept;
      }
      if (page.length < pageSize) return kept;
      from = page[page.length - 1]!.position;
      skip = backwards ? undefined : from;
    }
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeToAllOptions = {}): Subscription {
    const filter = serverFilter(options.filter);
    const batchSize = options.batchSize ?? 500;
    return this.track(
      new ResubscribingSubscription<Position | 'start' | 'end'>({
        handler,
        batchSize,
        operation: 'subscribeToAll',
        start: options.fromPosition ?? 'start',
        open: (from) =>
          this.client.subscribeToAll({ fromPosition: positionOption(from), ...(filter && { filter }) }, { highWaterMark: batchSize }) as unknown as ClientSubscription,
        resumeAfter: (event) => event.position,
        convert: (resolved) => this.convert(resolved),
        keep: (event) => matchesFilter(options.filter, event.streamId, event.type),
        maxRetries: this.attempts,
      }),
    );
  }

  subscribeToStream(streamName: string, handler: SubscriptionHandler, options: SubscribeToStreamOptions = {}): Subscription {
    const batchSize = options.batchSize ?? 500;
    return this.track(
      new ResubscribingSubscription<bigint | 'start' | 'end'>({
        handler,
        batchSize,
        operation: 'subscribeToStream',
        streamName,
        start: options.fromRevision ?? 'start',
        open: (from) =>
          this.client.subscribeToStream(streamName, { fromRevision: revisionOption(from) }, { highWaterMark: batchSize }) as unknown as ClientSubscription,
        resumeAfter: (event) => event.revision,
        convert: (resolved) => this.convert(resolved),
        keep: () => true,
        maxRetries: this.attempts,
      }),
    );
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadataResult> {
    let last: RecordedEvent | undefined;
    try {
      [last] = await this.readStream(`$$${streamName}`, { direction: 'backwards', maxCount: 1 });
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    if (!last) return { streamId: streamName, metadata: {} };
    // Malformed stored metadata reads as none, as EventStoreDB reads it; its revision still lets a caller overwrite it.
    return { streamId: streamName, metadata: decodeMetadata(JSON.stringify(last.data)) ?? {}, metastreamRevision: last.revision };
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata, options: AppendOptions = {}): Promise<AppendResult> {
    assertWritableStream(streamName);
    assertStreamMetadata(metadata);
    // The client writes JSON through JSON.stringify, which cannot carry a 64-bit integer exactly.
    if (metadata.truncateBefore !== undefined && metadata.truncateBefore > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new InvalidAppendError('Stream metadata: truncateBefore above 2^53-1 cannot be written through this client; use deleteStream to soft delete');
    }
    const event = { id: newEventId(), type: METADATA_EVENT, data: JSON.parse(encodeMetadata(metadata)) as unknown };
    return this.write(`$$${streamName}`, [event], options);
  }

  async deleteStream(streamName: string, options: AppendOptions = {}): Promise<void> {
    assertWritableStream(streamName);
    const expectedRevision = deleteExpectation(options);
    await this.retrying('deleteStream', streamName, () => this.client.deleteStream(streamName, { expectedRevision }));
  }

  async tombstoneStream(streamName: string, options: AppendOptions = {}): Promise<void> {
    assertWritableStream(streamName);
    const expectedRevision = deleteExpectation(options);
    let attempt = 0;
    await this.retrying('tombstoneStream', streamName, async () => {
      attempt += 1;
      try {
        await this.client.tombstoneStream(streamName, { expectedRevision });
      } catch (error) {
        // A retry after a lost answer finds its own tombstone: that is the outcome asked for.
        if (attempt > 1 && portError(error, 'tombstoneStream', streamName) instanceof StreamDeletedError) return;
        throw error;
      }
    });
  }

  async headPosition(): Promise<Position | undefined> {
    const [last] = await this.readAll({ direction: 'backwards', maxCount: 1 });
    return last?.position;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    await this.client.dispose();
  }

  // --- internals ----------------------------------------------------------------------

  private write(streamName: string, events: readonly (EventData & { id: string })[], options: AppendOptions): Promise<AppendResult> {
    const expectedRevision = options.expectedRevision ?? 'any';
    const proposed = events.map((event) => ({
      id: event.id,
      type: event.type,
      contentType: 'application/json' as const,
      data: (event.data ?? null) as never,
      metadata: event.metadata as never,
    }));
    return this.retrying('appendToStream', streamName, async () => {
      const result = await this.client.appendToStream(streamName, proposed, { expectedRevision });
      return { success: true, nextExpectedRevision: result.nextExpectedRevision, ...(result.position && { position: result.position }) };
    });
  }

  /** Runs a call, trying again (same arguments, same event ids) while the node is unavailable or not the leader. */
  private async retrying<T>(operation: string, streamName: string | undefined, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const mapped = portError(error, operation, streamName);
        if (!isTransient(mapped) || attempt >= this.attempts) throw mapped;
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1]));
      }
    }
  }

  /** Consumes a read to its end (never leave one unconsumed). */
  private async collect(read: AsyncIterable<unknown>): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const resolved of read) {
      const event = this.convert(resolved);
      if (event) events.push(event);
    }
    return events;
  }

  private convert(resolved: unknown): RecordedEvent | undefined {
    const event = (resolved as { event?: ClientRecordedEvent }).event;
    if (!event) return undefined;
    const position = event.position ?? { commit: 0n, prepare: 0n };
    return this.upcast({
      id: event.id.toLowerCase(),
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: isObject(event.metadata) ? event.metadata : {},
      created: event.created,
      position: { commit: position.commit, prepare: position.prepare },
    });
  }

  private track<From>(subscription: ResubscribingSubscription<From>): Subscription {
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }
}

function revisionOption(revision: bigint | 'start' | 'end'): bigint | typeof START | typeof END {
  return revision === 'start' ? START : revision === 'end' ? END : revision;
}

function positionOption(position: Position | 'start' | 'end'): Position | typeof START | typeof END {
  return position === 'start' ? START : position === 'end' ? END : position;
}

/** The client's delete takes any, no_stream or a revision; stream_exists has no spelling there. */
function deleteExpectation(options: AppendOptions): bigint | 'any' | 'no_stream' {
  const expected = options.expectedRevision ?? 'any';
  if (expected === 'stream_exists') throw new InvalidAppendError('Deleting with stream_exists is not supported by the EventStoreDB client; pass the revision');
  return expected;
}

/**
 * The one filter EventStoreDB applies server-side (on stream names or on
 * event types, not both); the adapter checks the whole filter again itself.
 */
export function serverFilter(filter: EventFilter | undefined): Filter | undefined {
  if (!filter) return undefined;
  const prefixes = filter.streamPrefixes ?? [];
  const names = filter.streamNames ?? [];
  if (prefixes.length || names.length) {
    if (names.length === 0) return streamNameFilter({ prefixes: [...prefixes] });
    return streamNameFilter({ regex: [...prefixes.map((p) => `^${escapeRegex(p)}`), ...names.map((n) => `^${escapeRegex(n)}$`)].join('|') });
  }
  if (filter.eventTypes?.length) return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  if (filter.excludeSystemEvents) return excludeSystemEvents();
  return undefined;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
