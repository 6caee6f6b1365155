import type { PersonView } from '@textbank/contracts';

/** A valid person for specs; override what the spec is about. */
export function aPerson(overrides: Partial<PersonView> = {}): PersonView {
  return {
    id: 'p2',
    name: 'Grace Texter',
    email: 'grace@example.org',
    role: 'volunteer',
    status: 'active',
    joinedAt: '2025-03-02T09:30:00.000Z',
    lastActiveAt: '2025-03-03T18:00:00.000Z',
    revision: 0,
    ...overrides,
  };
}
