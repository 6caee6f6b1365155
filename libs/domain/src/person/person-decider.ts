import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { PersonEvent, Role } from './person-events.js';

/** Who is acting: rules depend on the actor's own role and on acting on oneself. */
export interface Acting {
  readonly personId: string;
  readonly role: Role;
}

export interface JoinOrganization {
  readonly type: 'JoinOrganization';
  readonly personId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly inviteId?: string;
  readonly now: string;
}

export interface ChangeRole {
  readonly type: 'ChangeRole';
  readonly personId: string;
  readonly role: Role;
  readonly by: Acting;
  readonly now: string;
}

export interface SuspendPerson {
  readonly type: 'SuspendPerson';
  readonly personId: string;
  readonly by: Acting;
  readonly now: string;
}

export interface ReinstatePerson {
  readonly type: 'ReinstatePerson';
  readonly personId: string;
  readonly by: Acting;
  readonly now: string;
}

export type PersonCommand = JoinOrganization | ChangeRole | SuspendPerson | ReinstatePerson;

export type PersonState = { readonly status: 'none' } | { readonly status: 'active' | 'suspended'; readonly role: Role };

const MANAGERS: readonly Role[] = ['owner', 'admin'];

/** Owner and admin manage people; only an owner touches an owner; nobody manages themselves. */
function refuseManaging(command: ChangeRole | SuspendPerson | ReinstatePerson, state: PersonState, newRole?: Role) {
  if (state.status === 'none') return reject('not_found', 'No such person');
  if (!MANAGERS.includes(command.by.role)) return reject('forbidden', `A ${command.by.role} may not manage people`);
  if (command.by.personId === command.personId) return reject('conflict', 'You cannot change your own role or status');
  if ((state.role === 'owner' || newRole === 'owner') && command.by.role !== 'owner') return reject('forbidden', 'Only an owner may manage owners');
  return undefined;
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'JoinOrganization': {
        if (state.status !== 'none') return reject('conflict', 'This person has already joined');
        const { personId, organizationId, name, email, role, inviteId, now } = command;
        return accept({ type: 'PersonJoined', data: { personId, organizationId, name, email, role, joinedAt: now, ...(inviteId && { inviteId }) } });
      }
      case 'ChangeRole': {
        const refused = refuseManaging(command, state, command.role);
        if (refused) return refused;
        if (state.status === 'none' || state.role === command.role) return accept();
        return accept({ type: 'RoleChanged', data: { personId: command.personId, from: state.role, to: command.role, changedAt: command.now } });
      }
      case 'SuspendPerson': {
        const refused = refuseManaging(command, state);
        if (refused) return refused;
        if (state.status === 'suspended') return accept();
        return accept({ type: 'PersonSuspended', data: { personId: command.personId, suspendedAt: command.now } });
      }
      case 'ReinstatePerson': {
        const refused = refuseManaging(command, state);
        if (refused) return refused;
        if (state.status === 'active') return accept();
        return accept({ type: 'PersonReinstated', data: { personId: command.personId, reinstatedAt: command.now } });
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonJoined':
        return { status: 'active', role: event.data.role };
      case 'RoleChanged':
        return state.status === 'none' ? state : { ...state, role: event.data.to };
      case 'PersonSuspended':
        return state.status === 'none' ? state : { ...state, status: 'suspended' };
      case 'PersonReinstated':
        return state.status === 'none' ? state : { ...state, status: 'active' };
      default:
        return assertNever(event);
    }
  },
};
