import type { EventLogEntry } from '@textbank/contracts';
import type { EventLogFilter } from '../routing/routes';

/**
 * The API's filter rule, applied to live events: a stream filter ending in
 * '-' is a category prefix ('campaign-'), anything else names one stream.
 */
export function matchesFilter(entry: EventLogEntry, filter: EventLogFilter): boolean {
  if (filter.type && entry.type !== filter.type) return false;
  if (!filter.stream) return true;
  return filter.stream.endsWith('-') ? entry.stream.startsWith(filter.stream) : entry.stream === filter.stream;
}
