import type { EventLogEntry } from '@textbank/contracts';
import type { EventLogFilter } from '../routing/routes';
import { dataOf } from './name-book';

const PERSON_STREAM = /^person-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The person a 'person-<id>' filter is about: the API's `person` filter, not just their stream. */
export function personOf(filter: EventLogFilter): string | null {
  return PERSON_STREAM.exec(filter.stream)?.[1] ?? null;
}

/**
 * The API's filter rule, applied to live events: a stream filter ending in
 * '-' is a category prefix ('campaign-'), anything else names one stream; a
 * person's stream also takes the organization's roster events naming them.
 */
export function matchesFilter(entry: EventLogEntry, filter: EventLogFilter): boolean {
  if (filter.type && entry.type !== filter.type) return false;
  if (!filter.stream) return true;
  const person = personOf(filter);
  if (person && entry.stream.startsWith('organization-')) {
    const data = dataOf(entry);
    const founder = data.founder as { personId?: unknown } | undefined;
    return data.personId === person || founder?.personId === person;
  }
  return filter.stream.endsWith('-') ? entry.stream.startsWith(filter.stream) : entry.stream === filter.stream;
}
