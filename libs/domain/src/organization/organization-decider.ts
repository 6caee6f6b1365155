import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import type { Role } from '../person/person-events.js';
import type { OrganizationEvent, RosterCarriedOver, RosterEvent } from './organization-events.js';
import { activeOwners, isActiveOwner, MANAGERS, standingOf, type Joined, type Recorded, type Standing } from './roster.js';

export interface CreateOrganization {
  readonly type: 'CreateOrganization';
  readonly organizationId: string;
  readonly name: string;
  readonly founder: { readonly personId: string; readonly name: string; readonly email: string };
  readonly now: string;
}

/**
 * What every roster change carries: who acts (only their id: their role is
 * read here, on the roster, never from a session's snapshot), how the two
 * people joined (from their own streams), and the version the caller saw.
 */
interface RosterChange {
  readonly personId: string;
  readonly by: string;
  readonly joined: { readonly target?: Joined; readonly actor?: Joined };
  readonly expectedVersion?: number;
  readonly now: string;
}

export interface ChangeRole extends RosterChange {
  readonly type: 'ChangeRole';
  readonly role: Role;
}
export interface SuspendPerson extends RosterChange {
  readonly type: 'SuspendPerson';
}
export interface ReinstatePerson extends RosterChange {
  readonly type: 'ReinstatePerson';
}
/** `signedIn`: whether the member ever signed in with their password (auth.db knows). */
export interface RemoveMember extends RosterChange {
  readonly type: 'RemoveMember';
  readonly signedIn: boolean;
}

export interface CarryOverRoster {
  readonly type: 'CarryOverRoster';
  readonly standings: RosterCarriedOver['data']['standings'];
  readonly now: string;
}

export type RosterCommand = ChangeRole | SuspendPerson | ReinstatePerson | RemoveMember;
export type OrganizationCommand = CreateOrganization | RosterCommand | CarryOverRoster;

export interface OrganizationState {
  readonly exists: boolean;
  /** Whether the roster knows every owner: a founder was named, or the old standings were carried over. */
  readonly complete: boolean;
  /** Members whose standing the roster recorded: the founder, and anyone changed since joining. */
  readonly standings: ReadonlyMap<string, Recorded>;
}

/** Standing after the change, or nothing to record, or why not. */
type Outcome = { next: Standing; event: RosterEvent } | 'unchanged' | Decision<never>;

function decideRoster(command: RosterCommand, state: OrganizationState): Decision<RosterEvent> {
  if (!state.exists) return reject('not_found', 'No organization yet');
  // An upgraded organization's old standings are carried over at start-up; until then nothing is decided on a partial roster.
  if (!state.complete) return reject('conflict', 'The roster is being carried over from an earlier version; try again in a moment');
  const target = standingOf(state.standings, command.personId, command.joined.target);
  if (!target || target.status === 'removed') return reject('not_found', 'No such person');
  const actor = standingOf(state.standings, command.by, command.joined.actor);
  if (!actor || actor.status !== 'active' || !MANAGERS.includes(actor.role)) {
    return reject('forbidden', actor?.status === 'active' ? `A ${actor.role} may not manage people` : 'You may no longer manage people');
  }
  if (command.by === command.personId) return reject('conflict', 'You cannot change your own role or status');
  const touchesOwner = target.role === 'owner' || (command.type === 'ChangeRole' && command.role === 'owner') || command.type === 'RemoveMember';
  if (touchesOwner && actor.role !== 'owner') {
    return reject('forbidden', command.type === 'RemoveMember' ? 'Only an owner may remove members' : 'Only an owner may manage owners');
  }
  if (command.expectedVersion !== undefined && command.expectedVersion !== target.version) {
    return reject('conflict', `Expected revision ${command.expectedVersion}, but it is at ${target.version}: someone else changed it first`, 'expectedRevision');
  }
  const outcome = change(command, target);
  if (outcome === 'unchanged') return accept();
  if ('ok' in outcome) return outcome;
  // The one rule over the whole roster: an organization never loses its last active owner.
  if (isActiveOwner(target) && !isActiveOwner(outcome.next) && activeOwners(state.standings) <= 1) {
    return reject('conflict', 'The organization must keep at least one active owner: make someone else an owner first');
  }
  return accept(outcome.event);
}

function change(command: RosterCommand, target: Standing): Outcome {
  const { personId, now } = command;
  const version = target.version + 1;
  switch (command.type) {
    case 'ChangeRole':
      if (target.role === command.role) return 'unchanged';
      return { next: { ...target, role: command.role, version }, event: { type: 'RoleChanged', data: { personId, from: target.role, to: command.role, changedAt: now } } };
    case 'SuspendPerson':
      if (target.status === 'suspended') return 'unchanged';
      return { next: { ...target, status: 'suspended', version }, event: { type: 'PersonSuspended', data: { personId, suspendedAt: now } } };
    case 'ReinstatePerson':
      if (target.status === 'active') return 'unchanged';
      return { next: { ...target, status: 'active', version }, event: { type: 'PersonReinstated', data: { personId, reinstatedAt: now } } };
    case 'RemoveMember':
      if (command.signedIn) return reject('conflict', 'This person has signed in; suspend them instead of removing them');
      return { next: { ...target, status: 'removed', version }, event: { type: 'MemberRemoved', data: { personId, removedAt: now } } };
    default:
      return assertNever(command);
  }
}

const withStanding = (state: OrganizationState, personId: string, update: (current: Recorded) => Recorded): OrganizationState => {
  const current: Recorded = state.standings.get(personId) ?? { status: 'active', version: 0 };
  return { ...state, standings: new Map(state.standings).set(personId, update(current)) };
};

/** The organization and its roster: one stream, so the set of owners is decided where it is consistent. */
export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: () => ({ exists: false, complete: false, standings: new Map() }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateOrganization': {
        if (state.exists) return reject('conflict', 'The organization already exists');
        const { organizationId, name, founder, now } = command;
        return accept({ type: 'OrganizationCreated', data: { organizationId, name, createdAt: now, founder } });
      }
      case 'ChangeRole':
      case 'SuspendPerson':
      case 'ReinstatePerson':
      case 'RemoveMember':
        return decideRoster(command, state);
      case 'CarryOverRoster':
        if (!state.exists) return reject('not_found', 'No organization yet');
        if (state.complete) return accept();
        return accept({ type: 'RosterCarriedOver', data: { standings: command.standings, carriedAt: command.now } });
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    const bump = (s: Recorded) => s.version + 1;
    switch (event.type) {
      case 'OrganizationCreated': {
        const founder = event.data.founder;
        return { exists: true, complete: !!founder, standings: founder ? new Map([[founder.personId, { role: 'owner', status: 'active', version: 0 }]]) : state.standings };
      }
      case 'RosterCarriedOver':
        return { ...state, complete: true, standings: new Map([...event.data.standings.map((s) => [s.personId, { role: s.role, status: s.status, version: s.version }] as const), ...state.standings]) };
      case 'RoleChanged':
        return withStanding(state, event.data.personId, (s) => ({ ...s, role: event.data.to, version: bump(s) }));
      case 'PersonSuspended':
        return withStanding(state, event.data.personId, (s) => ({ ...s, status: 'suspended', version: bump(s) }));
      case 'PersonReinstated':
        return withStanding(state, event.data.personId, (s) => ({ ...s, status: 'active', version: bump(s) }));
      case 'MemberRemoved':
        return withStanding(state, event.data.personId, (s) => ({ ...s, status: 'removed', version: bump(s) }));
      default:
        return assertNever(event);
    }
  },
};
