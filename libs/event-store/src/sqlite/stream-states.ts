import type Database from 'better-sqlite3';
import type { StreamMetadata } from '../types.js';
import type { StreamState } from './commit-check.js';
import { DELETED_STREAM, decodeMetadata } from '../validation/metadata-json.js';

export interface StreamView extends StreamState {
  readonly metadata: StreamMetadata | undefined;
  /** Revision of the last event in `$$<stream>`, -1 when none. */
  readonly metastreamRevision: number;
}

interface StateRow {
  last_revision: number | null;
  tombstoned: number | null;
  meta_revision: number | null;
}

/** Metadata is rarely set; past this many cached streams the cache starts over. */
const CACHE_LIMIT = 10_000;

export const metastreamOf = (stream: string) => `$$${stream}`;
export const isMetastream = (stream: string) => stream.startsWith('$$');

/**
 * A stream's row and its metadata, read together. Parsed metadata is cached
 * by the revision of its metastream, and every use checks that revision
 * against the log in the same statement as the stream's own row: another
 * process may have written since (a cache that trusted itself let a stream
 * soft deleted elsewhere take an append that was acknowledged, then hidden).
 */
export class StreamStates {
  private readonly cache = new Map<string, { revision: number; metadata: StreamMetadata | undefined }>();
  private readonly row;
  private readonly lastMetadata;

  constructor(db: Database.Database) {
    this.row = db.prepare<[string, string], StateRow>(
      `SELECT s.last_revision, s.tombstoned, m.last_revision AS meta_revision
       FROM (SELECT ? AS stream_id, ? AS meta_id) AS wanted
       LEFT JOIN streams AS s ON s.stream_id = wanted.stream_id
       LEFT JOIN streams AS m ON m.stream_id = wanted.meta_id`,
    );
    this.lastMetadata = db.prepare<[string], { revision: number; data: string }>(
      'SELECT revision, data FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
  }

  of(streamName: string): StreamView {
    const row = this.row.get(streamName, metastreamOf(streamName))!;
    const metastreamRevision = row.meta_revision ?? -1;
    const metadata = metastreamRevision < 0 ? undefined : this.metadataAt(streamName, metastreamRevision);
    return {
      lastRevision: row.last_revision ?? -1,
      tombstoned: row.tombstoned === 1,
      softDeleted: metadata?.truncateBefore === DELETED_STREAM,
      hasMetadata: metastreamRevision >= 0,
      metadata,
      metastreamRevision,
    };
  }

  /** After a rollback: a cached revision may name an event that no longer exists. */
  forget(): void {
    this.cache.clear();
  }

  private metadataAt(streamName: string, revision: number): StreamMetadata | undefined {
    const cached = this.cache.get(streamName);
    if (cached?.revision === revision) return cached.metadata;
    const last = this.lastMetadata.get(metastreamOf(streamName));
    const metadata = last ? decodeMetadata(last.data) : undefined;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(streamName, { revision, metadata });
    return metadata;
  }
}
