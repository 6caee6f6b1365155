import type { EventLogEntry } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { matchesFilter, personOf } from './event-log-filter';

const entry = (type: string, stream: string): EventLogEntry => ({
  position: '1', id: 'e1', type, stream, revision: 0, actor: null, time: '2025-01-01T00:00:00Z', data: {},
});

describe('matchesFilter', () => {
  it('matches everything when no filter is set', () => {
    expect(matchesFilter(entry('CampaignCreated', 'campaign-1'), { type: '', stream: '' })).toBe(true);
  });

  it('matches the type exactly', () => {
    expect(matchesFilter(entry('CampaignCreated', 'campaign-1'), { type: 'CampaignCreated', stream: '' })).toBe(true);
    expect(matchesFilter(entry('CampaignRenamed', 'campaign-1'), { type: 'CampaignCreated', stream: '' })).toBe(false);
  });

  it("treats a stream ending in '-' as a category prefix", () => {
    expect(matchesFilter(entry('T', 'campaign-1'), { type: '', stream: 'campaign-' })).toBe(true);
    expect(matchesFilter(entry('T', 'person-1'), { type: '', stream: 'campaign-' })).toBe(false);
  });

  it('treats any other stream filter as one exact stream', () => {
    expect(matchesFilter(entry('T', 'campaign-12'), { type: '', stream: 'campaign-1' })).toBe(false);
    expect(matchesFilter(entry('T', 'campaign-1'), { type: '', stream: 'campaign-1' })).toBe(true);
  });

  it("takes a person's stream to mean them: their own events and the roster's events naming them", () => {
    const id = '01a23450-37cd-7287-b63d-ef6e0090861e';
    const filter = { type: '', stream: `person-${id}` };
    expect(personOf(filter)).toBe(id);
    expect(matchesFilter(entry('PersonJoined', `person-${id}`), filter)).toBe(true);
    expect(matchesFilter({ ...entry('RoleChanged', 'organization-o1'), data: { personId: id } }, filter)).toBe(true);
    expect(matchesFilter({ ...entry('RoleChanged', 'organization-o1'), data: { personId: 'someone-else' } }, filter)).toBe(false);
    expect(personOf({ type: '', stream: 'person-' })).toBeNull();
  });
});
