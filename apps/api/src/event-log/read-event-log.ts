import type { EventLogEntry } from '@textbank/contracts';
import { positionOf, type EventFilter, type EventStore } from '@textbank/event-store';
import { eventLogEntryOf } from '@textbank/projections';

export interface EventLogFilter {
  readonly type?: string;
  /** Exact stream name, or a prefix ending in '-' for a whole category. */
  readonly stream?: string;
  readonly before?: bigint;
  readonly limit: number;
}

/** One page of the log, newest first, read from the store with its own filters. */
export async function readEventLog(store: EventStore, filter: EventLogFilter): Promise<{ entries: EventLogEntry[]; nextBefore: string | null }> {
  const stream = filter.stream;
  const events = await store.readAll({
    direction: 'backwards',
    fromPosition: filter.before === undefined ? 'end' : positionOf(filter.before),
    maxCount: filter.limit + 1,
    filter: {
      excludeSystemEvents: true,
      ...(filter.type && { eventTypes: [filter.type] }),
      ...(stream && (stream.endsWith('-') ? { streamPrefixes: [stream] } : { streamNames: [stream] })),
    } satisfies EventFilter,
  });
  const page = events.slice(0, filter.limit);
  return { entries: page.map(eventLogEntryOf), nextBefore: events.length > filter.limit ? page[page.length - 1]!.position.commit.toString() : null };
}

/** What a reconnecting client missed: events after `since` up to `until` (inclusive), oldest first, at most `limit`. */
export async function eventLogSince(store: EventStore, since: bigint, until: bigint, limit: number): Promise<EventLogEntry[]> {
  if (until <= since) return [];
  const events = await store.readAll({ fromPosition: positionOf(since + 1n), maxCount: limit, filter: { excludeSystemEvents: true } });
  return events.filter((event) => event.position.commit <= until).map(eventLogEntryOf);
}
