import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StreamDeletedError, StreamNotFoundError } from '../errors.js';
import { newEventId } from '../event-id.js';
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
import { assertValidEvent, assertWritableStream } from '../validation/append-validation.js';
import { checkCommit, type EventIdLookup } from './commit-check.js';
import { GroupCommitter } from './group-commit.js';
import { assertMetadataEventData, assertStreamMetadata, decodeMetadata, DELETED_STREAM } from '../validation/metadata-json.js';
import { metadataEvent, prepareEvent, type PreparedEvent } from './prepared-event.js';
import { migrate, openPragmas, type SynchronousMode } from './schema.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { isMetastream, metastreamOf, StreamStates, type StreamView } from './stream-states.js';
import { visibilityOf } from './stream-visibility.js';
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
  /** No other process appends to this file (the API owns its data directory): see EventStore.soleWriter. */
  readonly soleWriter?: boolean;
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
  private readonly states: StreamStates;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly pollIntervalMs: number;
  readonly soleWriter: boolean;
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
    this.soleWriter = options.soleWriter ?? false;
    this.now = options.clock ?? Date.now;
    this.states = new StreamStates(this.db);
    // A rolled-back savepoint may have cached metadata it wrote: forget it all (rare).
    this.committer = new GroupCommitter(this.db, () => this.wakeSubscriptions(), () => this.states.forget());
    this.statements = {
      upsertStream: this.db.prepare(
        `INSERT INTO streams (stream_id, last_revision, tombstoned) VALUES (?, ?, ?)
         ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, tombstoned = excluded.tombstoned`,
      ),
      insert: this.db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      idsFrom: this.db.prepare<[string, number, number], { event_id: string }>(
        'SELECT event_id FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      // COLLATE NOCASE: ids stored before they were lower-cased still match.
      findRecentId: this.db.prepare<[string, string, number], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? AND event_id = ? COLLATE NOCASE AND revision > ? ORDER BY revision DESC LIMIT 1',
      ),
      positionAt: this.db.prepare<[string, number], { position: number }>('SELECT position FROM events WHERE stream_id = ? AND revision = ?'),
      lastEvent: this.db.prepare<[string], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      head: this.db.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
    };
  }

  appendToStream(streamName: string, events: readonly EventData[], options: AppendOptions = {}): Promise<AppendResult> {
    let prepared: PreparedEvent[];
    try {
      this.assertOpen();
      assertWritableStream(streamName);
      const metastream = isMetastream(streamName);
      prepared = events.map((event, index) => {
        assertValidEvent(streamName, event, index);
        // The last event of $$<stream> is that stream's metadata: never store what could not be read back.
        if (metastream) assertMetadataEventData(event.data, index);
        return prepareEvent(event);
      });
    } catch (error) {
      return Promise.reject(error);
    }
    return this.committer.submit(() => this.appendInTransaction(streamName, prepared, options.expectedRevision ?? 'any'));
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.states.of(streamName);
    if (stream.tombstoned) throw new StreamDeletedError(streamName);
    if (stream.lastRevision < 0) throw new StreamNotFoundError(streamName);
    const visibility = visibilityOf(stream.metadata, stream.lastRevision, this.now());
    if (visibility === 'deleted') throw new StreamNotFoundError(streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const fromRevision = from === 'start' ? 0 : from === 'end' ? stream.lastRevision : Number(from);
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

  /**
   * EventStoreDB's catch-up subscription reads a stream through readStream's
   * path, so $tb, $maxCount, $maxAge and soft delete apply to it: a
   * soft-deleted (or not yet written) stream is waited for, a tombstoned one
   * ends the subscription with StreamDeletedError. Only its live phase
   * pushes events as written, which differs from a read just for events
   * hidden the moment they are written (a batch longer than $maxCount, a
   * created time older than $maxAge). This adapter is always catching up
   * (it reads after each commit and polls), so each batch is a read with the
   * rules of that moment; an event hidden when read is never delivered.
   * $all subscriptions, like readAll, ignore stream metadata, as in EventStoreDB.
   */
  subscribeToStream(streamName: string, handler: SubscriptionHandler, options: SubscribeToStreamOptions = {}): Subscription {
    this.assertOpen();
    const query = this.query<[string, number, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? AND created >= ? ORDER BY revision LIMIT ?',
    );
    const from = options.fromRevision ?? 'start';
    const start = from === 'start' ? -1 : from === 'end' ? this.states.of(streamName).lastRevision : Number(from);
    return this.track(
      new CatchUpSubscription({
        start,
        batchSize: options.batchSize ?? 500,
        handler,
        pollIntervalMs: this.pollIntervalMs,
        read: (after, limit) => {
          const stream = this.states.of(streamName);
          if (stream.tombstoned) throw new StreamDeletedError(streamName);
          const visible = stream.lastRevision < 0 ? 'deleted' : visibilityOf(stream.metadata, stream.lastRevision, this.now());
          if (visible === 'deleted') return { events: [], next: after, position: undefined };
          const rows = query.all(streamName, Math.max(after + 1, visible.minRevision), visible.minCreated, limit);
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
    // Malformed stored metadata reads as none; its revision still lets a caller overwrite it.
    return { streamId: streamName, metadata: decodeMetadata(last.data) ?? {}, metastreamRevision: BigInt(last.revision) };
  }

  setStreamMetadata(streamName: string, metadata: StreamMetadata, options: AppendOptions = {}): Promise<AppendResult> {
    let event: PreparedEvent;
    try {
      this.assertOpen();
      assertWritableStream(streamName);
      assertStreamMetadata(metadata);
      event = metadataEvent(metadata);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.committer.submit(() => {
      if (this.states.of(streamName).tombstoned) throw new StreamDeletedError(streamName);
      return this.appendInTransaction(metastreamOf(streamName), [event], options.expectedRevision ?? 'any');
    });
  }

  async deleteStream(streamName: string, options: AppendOptions = {}): Promise<void> {
    this.assertOpen();
    assertWritableStream(streamName);
    await this.committer.submit(() => {
      const stream = this.states.of(streamName);
      // Checked as EventStoreDB checks a delete: as a write of one new event (never a retry).
      checkCommit(streamName, options.expectedRevision ?? 'any', [newEventId()], stream, this.idLookup(streamName, stream.lastRevision));
      if (stream.lastRevision < 0) return;
      this.writeMetadata(streamName, stream, { ...(stream.metadata ?? {}), truncateBefore: DELETED_STREAM });
    });
  }

  async tombstoneStream(streamName: string, options: AppendOptions = {}): Promise<void> {
    this.assertOpen();
    assertWritableStream(streamName);
    await this.committer.submit(() => {
      const stream = this.states.of(streamName);
      checkCommit(streamName, options.expectedRevision ?? 'any', [newEventId()], stream, this.idLookup(streamName, stream.lastRevision));
      this.statements.upsertStream.run(streamName, stream.lastRevision, 1);
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

  private appendInTransaction(streamName: string, events: readonly PreparedEvent[], expected: ExpectedRevision): AppendResult {
    const stream = this.states.of(streamName);
    const ids = events.map((event) => event.id);
    const decision = checkCommit(streamName, expected, ids, stream, this.idLookup(streamName, stream.lastRevision));
    if (!decision.write) {
      const position = this.statements.positionAt.get(streamName, decision.lastRevision)!.position;
      return { success: true, nextExpectedRevision: BigInt(decision.lastRevision), position: positionOf(position) };
    }
    // Decided before this write: metadata written to a soft-deleted stream must not bring its events back.
    const original = isMetastream(streamName) ? streamName.slice(2) : undefined;
    const originalWasDeleted = original !== undefined && this.states.of(original).softDeleted;
    const position = events.length > 0 ? this.writeEvents(streamName, stream.lastRevision, events) : undefined;
    if (decision.undelete) this.undelete(streamName, stream.lastRevision + 1);
    if (originalWasDeleted) this.undelete(original, this.states.of(original).lastRevision + 1);
    return {
      success: true,
      nextExpectedRevision: BigInt(stream.lastRevision + events.length),
      ...(position !== undefined && { position: positionOf(position) }),
    };
  }

  /** Inserts events after lastRevision; returns the $all position of the last. Checks are the caller's. */
  private writeEvents(streamName: string, lastRevision: number, events: readonly PreparedEvent[]): number {
    const created = this.now();
    let position = 0;
    events.forEach((event, index) => {
      const info = this.statements.insert.run(streamName, lastRevision + 1 + index, event.id, event.type, event.data, event.metadata, created);
      position = Number(info.lastInsertRowid);
    });
    this.statements.upsertStream.run(streamName, lastRevision + events.length, 0);
    return position;
  }

  private writeMetadata(streamName: string, stream: StreamView, metadata: StreamMetadata): void {
    this.writeEvents(metastreamOf(streamName), stream.metastreamRevision, [metadataEvent(metadata)]);
  }

  /**
   * EventStoreDB's soft undelete: the stream's current metadata written
   * again with $tb at the first revision after the deleted events, which
   * stay hidden; numbering continues.
   */
  private undelete(streamName: string, truncateBefore: number): void {
    const stream = this.states.of(streamName);
    this.writeMetadata(streamName, stream, { ...(stream.metadata ?? {}), truncateBefore: BigInt(truncateBefore) });
  }

  private idLookup(streamName: string, lastRevision: number): EventIdLookup {
    return {
      recentRevisionOf: (id) => this.statements.findRecentId.get(streamName, id, lastRevision - this.idempotencyWindow)?.revision,
      idsFrom: (from, count) => this.statements.idsFrom.all(streamName, from, count).map((row) => row.event_id.toLowerCase()),
    };
  }

  // --- reading --------------------------------------------------------------------------

  private toRecorded(row: EventRow): RecordedEvent {
    return this.upcast({
      id: row.event_id.toLowerCase(),
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
