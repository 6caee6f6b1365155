import type { SessionView } from '@textbank/contracts';
import type { Principal } from './principal.js';

export function sessionViewOf(principal: Omit<Principal, 'sessionToken'>): SessionView {
  const { person, organization } = principal;
  return {
    person: { id: person.id, name: person.name, email: person.email, role: person.role },
    organization: { id: organization.id, name: organization.name },
  };
}
