import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { PersonEvent, Role } from './person-events.js';

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

/** The new address is reserved before this is decided (emails are unique: a set rule kept in auth.db). */
export interface ChangeEmail {
  readonly type: 'ChangeEmail';
  readonly personId: string;
  readonly email: string;
  readonly now: string;
}

export interface IssuePasswordResetLink {
  readonly type: 'IssuePasswordResetLink';
  readonly personId: string;
  readonly expiresAt: string;
  readonly now: string;
}

export interface ResetPassword {
  readonly type: 'ResetPassword';
  readonly personId: string;
  readonly now: string;
}

export type PersonCommand = JoinOrganization | ChangeEmail | IssuePasswordResetLink | ResetPassword;

/** Who someone is. `role` is the role they joined with; their standing now is on the organization's roster. */
export type PersonState = { readonly status: 'none' } | { readonly status: 'joined'; readonly role: Role; readonly email: string };

const LEGACY_STANDING_EVENTS = new Set(['RoleChanged', 'PersonSuspended', 'PersonReinstated']);

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'JoinOrganization': {
        if (state.status !== 'none') return reject('conflict', 'This person has already joined');
        const { personId, organizationId, name, email, role, inviteId, now } = command;
        return accept({ type: 'PersonJoined', data: { personId, organizationId, name, email, role, joinedAt: now, ...(inviteId && { inviteId }) } });
      }
      case 'ChangeEmail': {
        if (state.status === 'none') return reject('not_found', 'No such person');
        if (state.email === command.email) return accept();
        return accept({ type: 'EmailChanged', data: { personId: command.personId, from: state.email, to: command.email, changedAt: command.now } });
      }
      case 'IssuePasswordResetLink': {
        if (state.status === 'none') return reject('not_found', 'No such person');
        if (command.expiresAt <= command.now) return reject('invalid', 'A reset link must expire in the future', 'expiresAt');
        return accept({ type: 'PasswordResetLinkIssued', data: { personId: command.personId, expiresAt: command.expiresAt, issuedAt: command.now } });
      }
      case 'ResetPassword':
        if (state.status === 'none') return reject('not_found', 'No such person');
        return accept({ type: 'PasswordReset', data: { personId: command.personId, resetAt: command.now } });
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonJoined':
        return { status: 'joined', role: event.data.role, email: event.data.email };
      case 'EmailChanged':
        return state.status === 'none' ? state : { ...state, email: event.data.to };
      case 'PasswordResetLinkIssued':
      case 'PasswordReset':
        return state;
      default:
        // Role changes and suspensions written here by earlier versions: the roster carries them now.
        if (LEGACY_STANDING_EVENTS.has((event as { type: string }).type)) return state;
        return assertNever(event);
    }
  },
};
