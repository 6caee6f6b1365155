import type { PersonView, Role } from '@textbank/contracts';

export interface Confirmation {
  title: string;
  consequence: string;
  confirmLabel: string;
}

/** What each role may do, said to whoever is about to give it. */
const WHAT_THEY_CAN: Record<Role, string> = {
  owner: 'Owners can do everything, including changing and suspending other owners; only an owner can take the role back.',
  admin: 'Admins create and edit campaigns, invite people, change roles and suspend members.',
  auditor: 'Auditors read everything, including the full event log, and change nothing.',
  volunteer: 'Volunteers see only their own home and conversations: no campaigns, people or event log.',
};

/** Asked before a role changes: it names the person, both roles, and what the new one allows. */
export function roleChangeConfirmation(person: Pick<PersonView, 'name' | 'role'>, to: Role): Confirmation {
  return {
    title: `Change ${person.name}'s role from ${person.role} to ${to}?`,
    consequence: `${WHAT_THEY_CAN[to]} ${person.name}'s open screens switch to the new role at once.`,
    confirmLabel: `Make ${to}`,
  };
}

export function suspensionConfirmation(person: Pick<PersonView, 'name'>): Confirmation {
  return {
    title: `Suspend ${person.name}?`,
    consequence: `${person.name} is signed out everywhere at once and cannot sign in until someone reinstates them. Nothing they did is deleted.`,
    confirmLabel: 'Suspend',
  };
}

/** Asked before a member who never signed in is taken off the list: their address is free for the right person. */
export function removalConfirmation(person: Pick<PersonView, 'name' | 'email'>): Confirmation {
  return {
    title: `Remove ${person.name}?`,
    consequence: `${person.name} never signed in, so nothing they did is lost. They leave the list, and ${person.email} is free to join or be invited again.`,
    confirmLabel: 'Remove',
  };
}
