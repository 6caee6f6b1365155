import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError, InvalidAppendError } from '../errors.js';
import { isUuid, newEventId } from '../event-id.js';
import type { EventStore } from '../event-store.js';
import { positionOf } from '../position.js';
import { noUpcasting, type Upcaster } from '../upcasting.js';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventFilter,
  ExpectedRevision,
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
import { GroupCommitter } from './group-commit.js';
import { migrate, openPragmas, type SynchronousMode } from './schema.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { WalCheckpointer } from './wal-checkpointer.js';

export interface SqliteEventStoreOptions {
  /** File path, or ':memory:' for tests that need no durability. */
  readonly path: string;
  readonly synchronous?: SynchronousMode;
  readonly upcast?: Upcaster;
  /** How many recent events of a stream an `any` append searches for a retried event id. */
  readonly idempotencyWindow?: number;
  /** How often subscriptions look for events written by another process. */
  readonly pollIntervalMs?: number;
  /** Checkpoint the WAL from a worker thread (default) or inside commits as SQLite does by itself. */
  readonly checkpointInWorker?: boolean;
  readonly clock?: () => number;
}

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: number;
}

interface StreamRow {
  last_revision: number;
  tombstoned: number;
}

/** Metadata truncateBefore of a soft-deleted stream, as EventStoreDB writes it. */
const DELETED_STREAM = BigInt(Number.MAX_SAFE_INTEGER);
const METADATA_EVENT = '$metadata';
const ALL_STREAM = '$all';

const metastreamOf = (stream: string) => `$$${stream}`;

/**
 * The embedded event store: one SQLite file, WAL, synchronous=FULL by default.
 * Appends made in the same tick commit together in one transaction, each in
 * its own savepoint so that a conflict fails only its own append.
 */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly upcast: Upcaster;
  private readonly idempotencyWindow: number;
  private readonly now: () => number;
  private readonly committer: GroupCommitter;
  private readonly metadataCache = new Map<string, StreamMetadata | null>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly pollIntervalMs: number;
  private closed = false;
  private readonly statements;
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly checkpointer: WalCheckpointer | undefined;

  constructor(options: SqliteEventStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    const synchronous = options.synchronous ?? 'FULL';
    openPragmas(this.db, synchronous);
    migrate(this.db);
    if (options.path !== ':memory:' && options.checkpointInWorker !== false) {
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer(options.path, synchronous);
    }
    this.upcast = options.upcast ?? noUpcasting;
    this.idempotencyWindow = options.idempotencyWindow ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.now = options.clock ?? Date.now;
    // A rolled-back savepoint may have cached metadata it wrote: forget it all (rare).
    this.committer = new GroupCommitter(this.db, () => this.wakeSubscriptions(), () => this.metadataCache.clear());
    this.statements = {
      stream: this.db.prepare<[string], StreamRow>('SELECT last_revision, tombstoned FROM streams WHERE stream_id = ?'),
      upsertStream: this.db.prepare(
        `INSERT INTO streams (stream_id, last_revision, tombstoned) VALUES (?, ?, ?)
         ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, tombstoned = excluded.tombstoned`,
      ),
      insert: this.db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      idsFrom: this.db.prepare<[string, number, number], { event_id: string; position: number }>(
        'SELECT event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      findRecentId: this.db.prepare<[string, string, number], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? AND event_id = ? AND revision > ? LIMIT 1',
      ),
      lastEvent: this.db.prepare<[string], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      head: this.db.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
    };
  }

  appendToStream(streamName: string, events: readonly EventData[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertWritableStream(streamName);
      events.forEach((event, index) => assertValidEvent(streamName, event, index));
    } catch (error) {
      return Promise.reject(error);
    }
    const prepared = events.map((event) => ({ ...event, id: event.id ?? newEventId() }));
    return this.committer.submit(() => this.appendInTransaction(streamName, prepared, options.expectedRevision ?? 'any'));
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.statements.stream.get(streamName);
    if (!stream) throw new StreamNotFoundError(streamName);
    if (stream.tombstoned) throw new StreamDeletedError(streamName);
    const visibility = this.visibility(streamName, stream.last_revision);
    if (visibility === 'deleted') throw new StreamNotFoundError(streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const fromRevision = from === 'start' ? 0 : from === 'end' ? stream.last_revision : Number(from);
    const limit = options.maxCount ?? -1;
    const rows = backwards
      ? this.query<[string, number, number, number, number], EventRow>(
            `SELECT * FROM events WHERE stream_id = ? AND revision <= ? AND revision >= ? AND created >= ?
             ORDER BY revision DESC LIMIT ?`,
        ).all(streamName, fromRevision, visibility.minRevision, visibility.minCreated, limit)
      : this.query<[string, number, number, number, number], EventRow>(
            `SELECT * FROM events WHERE stream_id = ? AND revision >= max(?, ?) AND created >= ?
             ORDER BY revision LIMIT ?`,
        ).all(streamName, fromRevision, visibility.minRevision, visibility.minCreated, limit);
    return rows.map((row) => this.toRecorded(row));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const { clause, params } = filterClause(options.filter);
    const limit = options.maxCount ?? -1;
    let rows: EventRow[];
    if (backwards) {
      const before = from === 'end' ? Number.MAX_SAFE_INTEGER : from === 'start' ? 0 : Number(from.commit);
      rows = this.query<unknown[], EventRow>(`SELECT * FROM events WHERE position < ? ${clause} ORDER BY position DESC LIMIT ?`).all(
        before,
        ...params,
        limit,
      );
    } else {
      const start = from === 'start' ? 0 : from === 'end' ? Number.MAX_SAFE_INTEGER : Number(from.commit);
      rows = this.query<unknown[], EventRow>(`SELECT * FROM events WHERE position >= ? ${clause} ORDER BY position LIMIT ?`).all(
        start,
        ...params,
        limit,
      );
    }
    return rows.map((row) => this.toRecorded(row));
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const { clause, params } = filterClause(options.filter);
    const query = this.query<unknown[], EventRow>(`SELECT * FROM events WHERE position > ? ${clause} ORDER BY position LIMIT ?`);
    const from = options.fromPosition ?? 'start';
    const start = from === 'start' ? 0 : from === 'end' ? this.headNumber() : Number(from.commit);
    return this.track(
      new CatchUpSubscription({
        start,
        batchSize: options.batchSize ?? 500,
        handler,
        pollIntervalMs: this.pollIntervalMs,
        // Filtered reads skip ahead to the head seen in the same synchronous read, so an idle
        // filter never rescans what it already passed.
        read: (after, limit) => {
          const head = this.headNumber();
          const rows = query.all(after, ...params, limit);
          const events = rows.map((row) => this.toRecorded(row));
          // head was read first: a row another process committed in between may lie beyond it.
          const lastRow = rows.length > 0 ? rows[rows.length - 1]!.position : after;
          const next = rows.length === limit ? lastRow : Math.max(head, after, lastRow);
          return { events, next, position: head > 0 ? positionOf(head) : undefined };
        },
      }),
    );
  }

  subscribeToStream(streamName: string, handler: SubscriptionHandler, options: SubscribeToStreamOptions = {}): Subscription {
    this.assertOpen();
    const query = this.query<[string, number, number], EventRow>('SELECT * FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision LIMIT ?');
    const from = options.fromRevision ?? 'start';
    const start = from === 'start' ? -1 : from === 'end' ? (this.statements.stream.get(streamName)?.last_revision ?? -1) : Number(from);
    return this.track(
      new CatchUpSubscription({
        start,
        batchSize: options.batchSize ?? 500,
        handler,
        pollIntervalMs: this.pollIntervalMs,
        read: (after, limit) => {
          const stream = this.statements.stream.get(streamName);
          if (stream?.tombstoned) throw new StreamDeletedError(streamName);
          const rows = query.all(streamName, after, limit);
          const events = rows.map((row) => this.toRecorded(row));
          const next = rows.length ? rows[rows.length - 1]!.revision : after;
          const last = events[events.length - 1];
          return { events, next, position: last?.position };
        },
      }),
    );
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadataResult> {
    this.assertOpen();
    const last = this.statements.lastEvent.get(metastreamOf(streamName));
    if (!last) return { streamId: streamName, metadata: {} };
    return { streamId: streamName, metadata: decodeMetadata(last.data), metastreamRevision: BigInt(last.revision) };
  }

  setStreamMetadata(streamName: string, metadata: StreamMetadata, options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertWritableStream(streamName);
      assertStreamMetadata(metadata);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.committer.submit(() => {
      if (this.statements.stream.get(streamName)?.tombstoned) throw new StreamDeletedError(streamName);
      const event = { id: newEventId(), type: METADATA_EVENT, data: encodeMetadata(metadata) };
      return this.appendInTransaction(metastreamOf(streamName), [event], options.expectedRevision ?? 'any');
    });
  }

  async deleteStream(streamName: string, options: AppendOptions = {}): Promise<void> {
    this.assertOpen();
    await this.committer.submit(() => {
      const stream = this.statements.stream.get(streamName);
      if (stream?.tombstoned) throw new StreamDeletedError(streamName);
      const current = this.currentRevision(streamName, stream);
      checkExpected(streamName, options.expectedRevision ?? 'any', current);
      if (current === 'no_stream') return;
      const previous = this.metadataOf(streamName) ?? {};
      const data = encodeMetadata({ ...previous, truncateBefore: DELETED_STREAM });
      this.appendInTransaction(metastreamOf(streamName), [{ id: newEventId(), type: METADATA_EVENT, data }], 'any');
    });
  }

  async tombstoneStream(streamName: string, options: AppendOptions = {}): Promise<void> {
    this.assertOpen();
    assertWritableStream(streamName);
    await this.committer.submit(() => {
      const stream = this.statements.stream.get(streamName);
      if (stream?.tombstoned) throw new StreamDeletedError(streamName);
      checkExpected(streamName, options.expectedRevision ?? 'any', this.currentRevision(streamName, stream));
      this.statements.upsertStream.run(streamName, stream?.last_revision ?? -1, 1);
    });
  }

  get groupStats(): { groups: number; writes: number; savepointRetries: number } {
    return { ...this.committer.stats };
  }

  async headPosition(): Promise<Position | undefined> {
    const head = this.headNumber();
    return head > 0 ? positionOf(head) : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.committer.drain();
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    this.closed = true;
    await this.checkpointer?.stop();
    this.db.close();
  }

  // --- inside the group-commit transaction -------------------------------------------------

  private appendInTransaction(
    streamName: string,
    events: ReadonlyArray<EventData & { id: string }>,
    expected: ExpectedRevision,
  ): AppendResult {
    const stream = this.statements.stream.get(streamName);
    if (stream?.tombstoned) throw new StreamDeletedError(streamName);
    const retried = this.findRetry(streamName, events, expected, stream);
    if (retried) return retried;
    const current = this.currentRevision(streamName, stream);
    checkExpected(streamName, expected, current);
    const lastRevision = stream?.last_revision ?? -1;
    if (events.length === 0) return { success: true, nextExpectedRevision: BigInt(current === 'no_stream' ? -1 : current) };
    const created = this.now();
    let position = 0;
    events.forEach((event, index) => {
      const info = this.statements.insert.run(
        streamName,
        lastRevision + 1 + index,
        event.id,
        event.type,
        JSON.stringify(event.data ?? null),
        JSON.stringify(event.metadata ?? {}),
        created,
      );
      position = Number(info.lastInsertRowid);
    });
    const nextRevision = lastRevision + events.length;
    this.statements.upsertStream.run(streamName, nextRevision, 0);
    if (streamName.startsWith('$$')) this.metadataCache.delete(streamName.slice(2));
    else if (this.metadataOf(streamName)?.truncateBefore === DELETED_STREAM) {
      // Appending to a soft-deleted stream brings it back: only the new events are visible.
      const previous = this.metadataOf(streamName)!;
      const data = encodeMetadata({ ...previous, truncateBefore: BigInt(lastRevision + 1) });
      this.appendInTransaction(metastreamOf(streamName), [{ id: newEventId(), type: METADATA_EVENT, data }], 'any');
    }
    return { success: true, nextExpectedRevision: BigInt(nextRevision), position: positionOf(position) };
  }

  /**
   * EventStoreDB's idempotency: the same event ids at the same place succeed
   * without writing. With an exact revision or no_stream the place is known;
   * with any, the first id is searched among the stream's recent events.
   */
  private findRetry(
    streamName: string,
    events: ReadonlyArray<{ id: string }>,
    expected: ExpectedRevision,
    stream: StreamRow | undefined,
  ): AppendResult | undefined {
    if (!stream || events.length === 0) return undefined;
    let from: number | undefined;
    if (typeof expected === 'bigint' || expected === 'no_stream') {
      from = expected === 'no_stream' ? 0 : Number(expected) + 1;
      if (from > stream.last_revision) return undefined;
    } else {
      from = this.statements.findRecentId.get(streamName, events[0]!.id, stream.last_revision - this.idempotencyWindow)?.revision;
      if (from === undefined) return undefined;
    }
    const found = this.statements.idsFrom.all(streamName, from, events.length);
    if (found.length !== events.length || found.some((row, i) => row.event_id !== events[i]!.id)) return undefined;
    return {
      success: true,
      nextExpectedRevision: BigInt(from + events.length - 1),
      position: positionOf(found[found.length - 1]!.position),
    };
  }

  private currentRevision(streamName: string, stream: StreamRow | undefined): bigint | 'no_stream' {
    if (!stream || stream.last_revision < 0) return 'no_stream';
    if (this.metadataOf(streamName)?.truncateBefore === DELETED_STREAM) return 'no_stream';
    return BigInt(stream.last_revision);
  }

  // --- reading --------------------------------------------------------------------------

  private metadataOf(streamName: string): StreamMetadata | null {
    let metadata = this.metadataCache.get(streamName);
    if (metadata === undefined) {
      const last = this.statements.lastEvent.get(metastreamOf(streamName));
      metadata = last ? decodeMetadata(last.data) : null;
      this.metadataCache.set(streamName, metadata);
    }
    return metadata;
  }

  private visibility(streamName: string, lastRevision: number): 'deleted' | { minRevision: number; minCreated: number } {
    const metadata = this.metadataOf(streamName);
    if (!metadata) return { minRevision: 0, minCreated: 0 };
    if (metadata.truncateBefore === DELETED_STREAM) return 'deleted';
    const byTruncate = metadata.truncateBefore === undefined ? 0 : Number(metadata.truncateBefore);
    const byCount = metadata.maxCount === undefined ? 0 : lastRevision - metadata.maxCount + 1;
    const minCreated = metadata.maxAge === undefined ? 0 : this.now() - metadata.maxAge * 1000;
    return { minRevision: Math.max(byTruncate, byCount, 0), minCreated };
  }

  private toRecorded(row: EventRow): RecordedEvent {
    return this.upcast({
      id: row.event_id,
      streamId: row.stream_id,
      revision: BigInt(row.revision),
      type: row.type,
      data: JSON.parse(row.data),
      metadata: JSON.parse(row.metadata),
      created: new Date(row.created),
      position: positionOf(row.position),
    });
  }

  /** Reads build their SQL from options; each distinct text is prepared once. */
  private query<P extends unknown[], R>(sql: string): Database.Statement<P, R> {
    let statement = this.prepared.get(sql);
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)));
    return statement as unknown as Database.Statement<P, R>;
  }

  private headNumber(): number {
    return this.statements.head.get()?.position ?? 0;
  }

  private track(subscription: CatchUpSubscription): Subscription {
    this.subscriptions.add(subscription);
    subscription.done.finally(() => this.subscriptions.delete(subscription));
    subscription.start();
    return subscription;
  }

  private wakeSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

function checkExpected(streamName: string, expected: ExpectedRevision, current: bigint | 'no_stream'): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === 'no_stream') ||
    (expected === 'stream_exists' && current !== 'no_stream') ||
    (typeof expected === 'bigint' && current === expected);
  if (!ok) throw new WrongExpectedVersionError(streamName, expected, current);
}

function filterClause(filter: EventFilter | undefined): { clause: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter?.eventTypes?.length) {
    parts.push(`type IN (${filter.eventTypes.map(() => '?').join(', ')})`);
    params.push(...filter.eventTypes);
  }
  if (filter?.streamPrefixes?.length) {
    // substr, not LIKE: stream names may contain % and _.
    parts.push(`(${filter.streamPrefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ')})`);
    for (const prefix of filter.streamPrefixes) params.push(prefix.length, prefix);
  }
  if (filter?.streamNames?.length) {
    parts.push(`stream_id IN (${filter.streamNames.map(() => '?').join(', ')})`);
    params.push(...filter.streamNames);
  }
  if (filter?.excludeSystemEvents) parts.push(`substr(type, 1, 1) <> '$' AND substr(stream_id, 1, 1) <> '$'`);
  return { clause: parts.map((p) => `AND ${p}`).join(' '), params };
}

function assertWritableStream(streamName: string): void {
  if (typeof streamName !== 'string' || streamName.length === 0 || streamName.length > 500) {
    throw new InvalidAppendError('A stream name must be 1 to 500 characters');
  }
  if (streamName === ALL_STREAM) throw new InvalidAppendError('Cannot append to $all');
}

function assertValidEvent(streamName: string, event: EventData, index: number): void {
  if (event.id !== undefined && !isUuid(event.id)) throw new InvalidAppendError(`Event ${index}: id must be a UUID`);
  if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError(`Event ${index}: type is required`);
  if (event.type.startsWith('$') || streamName.startsWith('$')) return;
  const metadata = event.metadata as Record<string, unknown> | undefined;
  for (const field of ['actor', 'causationId', 'correlationId', 'timestamp', 'schemaVersion']) {
    if (metadata?.[field] === undefined) throw new InvalidAppendError(`Event ${index} (${event.type}): metadata.${field} is required`);
  }
}

function assertStreamMetadata(metadata: StreamMetadata): void {
  for (const key of ['maxAge', 'maxCount'] as const) {
    const value = metadata[key];
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) throw new InvalidAppendError(`${key} must be a positive integer`);
  }
  if (metadata.truncateBefore !== undefined && metadata.truncateBefore < 0n) throw new InvalidAppendError('truncateBefore must be >= 0');
}

/** Stored with EventStoreDB's reserved names ($maxAge, $maxCount, $tb). */
function encodeMetadata(metadata: StreamMetadata): Record<string, unknown> {
  return {
    ...(metadata.custom ?? {}),
    ...(metadata.maxAge !== undefined && { $maxAge: metadata.maxAge }),
    ...(metadata.maxCount !== undefined && { $maxCount: metadata.maxCount }),
    ...(metadata.truncateBefore !== undefined && { $tb: metadata.truncateBefore.toString() }),
  };
}

function decodeMetadata(json: string): StreamMetadata {
  const { $maxAge, $maxCount, $tb, ...custom } = JSON.parse(json) as Record<string, unknown>;
  return {
    ...($maxAge !== undefined && { maxAge: Number($maxAge) }),
    ...($maxCount !== undefined && { maxCount: Number($maxCount) }),
    ...($tb !== undefined && { truncateBefore: BigInt(String($tb)) }),
    ...(Object.keys(custom).length > 0 && { custom }),
  };
}
