import { StreamDeletedError, WrongExpectedVersionError } from '../errors.js';
import type { ExpectedRevision } from '../types.js';

export interface StreamState {
  /** Revision of the stream's last event, -1 when it has none. A soft delete does not change it. */
  readonly lastRevision: number;
  readonly tombstoned: boolean;
  readonly softDeleted: boolean;
  /** Whether `$$<stream>` holds an event: EventStoreDB's stream_exists accepts a stream with metadata only. */
  readonly hasMetadata: boolean;
}

export interface EventIdLookup {
  /** Revision of the latest event with this id among the stream's recent events. */
  recentRevisionOf(id: string): number | undefined;
  /** Ids of the events at revisions from, from + 1, … (at most count; fewer at the end of the stream). */
  idsFrom(from: number, count: number): readonly string[];
}

export type CommitDecision =
  /** Write the events; a soft-deleted stream comes back with only the new events visible. */
  | { readonly write: true; readonly undelete: boolean }
  /** These ids are already in the stream: succeed without writing, answering for the last of them. */
  | { readonly write: false; readonly lastRevision: number };

/**
 * EventStoreDB's commit check (IndexWriter.CheckCommit), rule for rule, so
 * that every adapter answers a write the same way:
 *  - tombstoned: stream deleted; stream_exists on a soft-deleted stream: stream deleted;
 *  - any / stream_exists: if the first id is among the stream's recent events, every id must be
 *    (a retry: nothing written) or the batch is a partial match: wrong expected version;
 *  - an exact revision (no_stream is -1) behind the stream: the same ids at the same places is a
 *    retry; otherwise wrong expected version, except no_stream on a soft-deleted stream,
 *    which recreates it;
 *  - ahead of the stream: wrong expected version; equal to it: write (recreating a soft-deleted stream).
 * A soft-deleted stream keeps its last revision for these checks, as in EventStoreDB.
 * Ids are lower-case UUIDs here (EventStoreDB compares GUIDs).
 */
export function checkCommit(
  streamName: string,
  expected: ExpectedRevision,
  ids: readonly string[],
  stream: StreamState,
  lookup: EventIdLookup,
): CommitDecision {
  const current = stream.lastRevision;
  const conflict = () => new WrongExpectedVersionError(streamName, expected, current < 0 ? 'no_stream' : BigInt(current));
  if (stream.tombstoned) throw new StreamDeletedError(streamName);
  if (expected === 'stream_exists') {
    if (stream.softDeleted) throw new StreamDeletedError(streamName);
    if (current < 0 && !stream.hasMetadata) throw conflict();
  }
  if (expected === 'any' || expected === 'stream_exists') {
    if (ids.length === 0) return { write: true, undelete: stream.softDeleted };
    const first = lookup.recentRevisionOf(ids[0]!);
    if (first === undefined) return { write: true, undelete: stream.softDeleted };
    let last = first;
    for (const id of ids.slice(1)) {
      const revision = lookup.recentRevisionOf(id);
      if (revision === undefined) throw conflict();
      last = revision;
    }
    return { write: false, lastRevision: last };
  }
  const expectedRevision = expected === 'no_stream' ? -1 : Number(expected);
  if (expectedRevision > current) throw conflict();
  if (expectedRevision === current) return { write: true, undelete: stream.softDeleted };
  if (ids.length === 0) throw conflict();
  const found = lookup.idsFrom(expectedRevision + 1, ids.length);
  if (found[0] !== ids[0]) {
    if (expected === 'no_stream' && stream.softDeleted) return { write: true, undelete: true };
    throw conflict();
  }
  if (found.length !== ids.length || found.some((id, i) => id !== ids[i])) throw conflict();
  return { write: false, lastRevision: expectedRevision + ids.length };
}
