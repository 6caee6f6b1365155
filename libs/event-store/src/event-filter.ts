import type { EventFilter } from './types.js';

/**
 * The port's filter as a predicate on a stream name and event type: what
 * SQLite answers in SQL, and what the EventStoreDB adapter checks itself
 * where the server cannot (EventStoreDB filters on one of stream or type per
 * subscription, and its client reads `$all` without a filter).
 */
export function matchesFilter(filter: EventFilter | undefined, streamId: string, type: string): boolean {
  if (!filter) return true;
  if (filter.eventTypes?.length && !filter.eventTypes.includes(type)) return false;
  const prefixes = filter.streamPrefixes ?? [];
  const names = filter.streamNames ?? [];
  if (prefixes.length && !prefixes.some((prefix) => streamId.startsWith(prefix))) return false;
  if (names.length && !names.includes(streamId)) return false;
  if (filter.excludeSystemEvents && (type.startsWith('$') || streamId.startsWith('$'))) return false;
  return true;
}
