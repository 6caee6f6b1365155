import { describe, expect, it } from 'vitest';
import { viewTable } from '../tables/table-view';
import { filterPeople, FIRST_PEOPLE_QUERY, headcount, PEOPLE_TABLE } from './people-table';
import { aPerson } from './people-test-data';

const people = [
  aPerson({ id: 'o', name: 'Olive Owner', role: 'owner', email: 'olive@example.org', joinedAt: '2025-01-01T00:00:00Z' }),
  aPerson({ id: 'a', name: 'Ana Admin', role: 'admin', email: 'ana@example.org', joinedAt: '2025-01-02T00:00:00Z' }),
  aPerson({ id: 's', name: 'Sam Texter', role: 'volunteer', status: 'suspended', email: 'sam@example.org', joinedAt: '2025-01-03T00:00:00Z', lastActiveAt: null }),
  aPerson({ id: 'v', name: 'Vera Texter', role: 'volunteer', email: 'vera@example.org', joinedAt: '2025-01-04T00:00:00Z' }),
];

describe('people table', () => {
  it('counts everyone by role for the heading', () => {
    expect(headcount(people)).toBe('4 people: 1 owner, 1 admin, 2 volunteers');
    expect(headcount([])).toBe('0 people');
  });

  it('filters by role and by status', () => {
    expect(filterPeople(people, { role: 'volunteer', status: '' }).map((p) => p.id)).toEqual(['s', 'v']);
    expect(filterPeople(people, { role: 'volunteer', status: 'active' }).map((p) => p.id)).toEqual(['v']);
    expect(filterPeople(people, { role: '', status: 'suspended' }).map((p) => p.id)).toEqual(['s']);
  });

  it('searches names and emails, newest member first', () => {
    expect(viewTable(people, { ...FIRST_PEOPLE_QUERY, search: 'texter' }, PEOPLE_TABLE).rows.map((p) => p.id)).toEqual(['v', 's']);
    expect(viewTable(people, { ...FIRST_PEOPLE_QUERY, search: 'ana@' }, PEOPLE_TABLE).rows.map((p) => p.id)).toEqual(['a']);
  });

  it('sorts roles from owner down, and never-active people last when newest activity comes first', () => {
    expect(viewTable(people, { ...FIRST_PEOPLE_QUERY, sort: 'role', direction: 'ascending' }, PEOPLE_TABLE).rows.map((p) => p.role)).toEqual(['owner', 'admin', 'volunteer', 'volunteer']);
    expect(viewTable(people, { ...FIRST_PEOPLE_QUERY, sort: 'lastActive', direction: 'descending' }, PEOPLE_TABLE).rows.at(-1)?.id).toBe('s');
  });
});
