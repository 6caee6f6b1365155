import type { PersonStatus, PersonView, Role } from '@textbank/contracts';
import { byText, byTime, type TableQuery, type TableRules } from '../tables/table-view';

export type PeopleColumn = 'name' | 'role' | 'status' | 'joined' | 'lastActive';

const ROLE_ORDER: readonly Role[] = ['owner', 'admin', 'auditor', 'volunteer'];

export const PEOPLE_TABLE: TableRules<PersonView, PeopleColumn> = {
  searchText: (person) => `${person.name} ${person.email}`,
  compare: {
    name: (a, b) => byText(a.name, b.name),
    role: (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
    status: (a, b) => byText(a.status, b.status),
    joined: (a, b) => byTime(a.joinedAt, b.joinedAt),
    // Never active sorts as the oldest.
    lastActive: (a, b) => byTime(a.lastActiveAt ?? '', b.lastActiveAt ?? ''),
  },
  pageSize: 25,
};

/** Newest member first: a volunteer joining on texting night shows at the top. */
export const FIRST_PEOPLE_QUERY: TableQuery<PeopleColumn> = { search: '', sort: 'joined', direction: 'descending', page: 1 };

export interface PeopleFilter {
  role: Role | '';
  status: PersonStatus | '';
}

export function filterPeople(people: readonly PersonView[], filter: PeopleFilter): PersonView[] {
  return people.filter((person) => (filter.role === '' || person.role === filter.role) && (filter.status === '' || person.status === filter.status));
}

/** "12 people: 1 owner, 2 admins, 9 volunteers" for the heading. */
export function headcount(people: readonly PersonView[]): string {
  const counts = ROLE_ORDER.map((role) => [role, people.filter((person) => person.role === role).length] as const).filter(([, n]) => n > 0);
  const total = `${people.length} ${people.length === 1 ? 'person' : 'people'}`;
  return counts.length === 0 ? total : `${total}: ${counts.map(([role, n]) => `${n} ${role}${n === 1 ? '' : 's'}`).join(', ')}`;
}
