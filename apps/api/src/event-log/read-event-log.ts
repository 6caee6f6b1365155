import type { EventLogEntry } from '@textbank/contracts';
import { organizationStream, personStream } from '@textbank/domain';
import { END, positionOf, type EventFilter, type EventStore, type RecordedEvent } from '@textbank/event-store';
import { eventLogEntryOf } from '@textbank/projections';

export interface EventLogFilter {
  readonly type?: string;
  /** Exact stream name, or a prefix ending in '-' for a whole category. */
  readonly stream?: string;
  /** Events about one person: their stream, and roster events naming them. */
  readonly person?: string;
  readonly before?: bigint;
  readonly limit: number;
}

/** One page of the log, newest first, read from the store with its own filters. */
export async function readEventLog(store: EventStore, filter: EventLogFilter): Promise<{ entries: EventLogEntry[]; nextBefore: string | null }> {
  const stream = filter.stream;
  const storeFilter: EventFilter = {
    excludeSystemEvents: true,
    ...(filter.type && { eventTypes: [filter.type] }),
    ...(stream && (stream.endsWith('-') ? { streamPrefixes: [stream] } : { streamNames: [stream] })),
    // Prefixes are alternatives (names and prefixes would both have to match); a person id is a whole UUID.
    ...(filter.person && { streamPrefixes: [personStream(filter.person), ROSTER_PREFIX] }),
  };
  const wanted = (event: RecordedEvent) => !filter.person || isAbout(event, filter.person);
  // Roster events about other people are skipped here, so a page may take more than one read.
  const page: RecordedEvent[] = [];
  let from = filter.before === undefined ? END : positionOf(filter.before);
  for (;;) {
    const events = await store.readAll({ direction: 'backwards', fromPosition: from, maxCount: filter.limit + 1, filter: storeFilter });
    page.push(...events.filter(wanted));
    if (page.length > filter.limit || events.length <= filter.limit) break;
    from = positionOf(events[events.length - 1]!.position.commit);
  }
  const entries = page.slice(0, filter.limit);
  return { entries: entries.map(eventLogEntryOf), nextBefore: page.length > filter.limit ? entries[entries.length - 1]!.position.commit.toString() : null };
}

const ROSTER_PREFIX = organizationStream('');

/** A person's own events, or a roster event that names them (as the member changed, or as the founder). */
export function isAbout(event: Pick<RecordedEvent, 'streamId' | 'data'>, personId: string): boolean {
  if (event.streamId === personStream(personId)) return true;
  if (!event.streamId.startsWith(ROSTER_PREFIX)) return false;
  const data = event.data as { personId?: unknown; founder?: { personId?: unknown } } | null;
  return data?.personId === personId || data?.founder?.personId === personId;
}

/** What a reconnecting client missed: events after `since` up to `until` (inclusive), oldest first, at most `limit`. */
export async function eventLogSince(store: EventStore, since: bigint, until: bigint, limit: number): Promise<EventLogEntry[]> {
  if (until <= since) return [];
  const events = await store.readAll({ fromPosition: positionOf(since + 1n), maxCount: limit, filter: { excludeSystemEvents: true } });
  return events.filter((event) => event.position.commit <= until).map(eventLogEntryOf);
}
