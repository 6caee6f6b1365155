import { EventLogPage, EventTypeList } from '@textbank/contracts';
import { apiGet, type ApiResult } from '../api/api-client';
import type { EventLogFilter } from '../routing/routes';
import { personOf } from './event-log-filter';

export const EVENT_PAGE_SIZE = 50;

export function fetchEventLog(filter: EventLogFilter, before: string | null): Promise<ApiResult<EventLogPage>> {
  const params = new URLSearchParams({ limit: String(EVENT_PAGE_SIZE) });
  if (filter.type) params.set('type', filter.type);
  // A person is more than their stream: the API adds the roster's events about them.
  const person = personOf(filter);
  if (person) params.set('person', person);
  else if (filter.stream) params.set('stream', filter.stream);
  if (before) params.set('before', before);
  return apiGet(`/api/events?${params}`, EventLogPage);
}

export function fetchEventTypes(): Promise<ApiResult<{ types: string[] }>> {
  return apiGet('/api/events/types', EventTypeList);
}
