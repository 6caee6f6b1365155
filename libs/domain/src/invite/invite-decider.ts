import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { InviteCreated, InviteEvent } from './invite-events.js';

export interface CreateInvite {
  readonly type: 'CreateInvite';
  readonly invite: Omit<InviteCreated['data'], 'createdAt'>;
  readonly now: string;
}

export interface RevokeInvite {
  readonly type: 'RevokeInvite';
  readonly inviteId: string;
  readonly now: string;
}

export interface RenewInviteLink {
  readonly type: 'RenewInviteLink';
  readonly inviteId: string;
  readonly now: string;
}

export type InviteCommand = CreateInvite | RevokeInvite | RenewInviteLink;

/** An invite lives at most this long: a forgotten link must not open the organization for years. */
export const MAX_INVITE_LIFETIME_DAYS = 90;
const MAX_LIFETIME_MS = MAX_INVITE_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

export type InviteState = { readonly status: 'none' } | { readonly status: 'open' | 'revoked'; readonly expiresAt: string };

export const inviteDecider: Decider<InviteCommand, InviteEvent, InviteState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateInvite': {
        if (state.status !== 'none') return reject('conflict', 'The invite already exists');
        const { invite, now } = command;
        if (invite.expiresAt <= now) return reject('invalid', 'An invite must expire in the future', 'expiresAt');
        if (Date.parse(invite.expiresAt) - Date.parse(now) > MAX_LIFETIME_MS) {
          return reject('invalid', `An invite may last at most ${MAX_INVITE_LIFETIME_DAYS} days`, 'expiresAt');
        }
        if (invite.kind === 'volunteer' && invite.role !== 'volunteer') return reject('invalid', 'A volunteer link makes volunteers', 'role');
        if (invite.kind === 'named' && !invite.email) return reject('invalid', 'A named invite needs an email', 'email');
        return accept({ type: 'InviteCreated', data: { ...invite, createdAt: now } });
      }
      case 'RevokeInvite':
        if (state.status === 'none') return reject('not_found', 'No such invite');
        if (state.status === 'revoked') return accept();
        return accept({ type: 'InviteRevoked', data: { inviteId: command.inviteId, revokedAt: command.now } });
      case 'RenewInviteLink':
        if (state.status === 'none') return reject('not_found', 'No such invite');
        if (state.status === 'revoked') return reject('gone', 'This invite was revoked; make a new one');
        if (state.expiresAt <= command.now) return reject('gone', 'This invite has expired; make a new one');
        return accept({ type: 'InviteLinkRenewed', data: { inviteId: command.inviteId, renewedAt: command.now } });
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InviteCreated':
        return { status: 'open', expiresAt: event.data.expiresAt };
      case 'InviteRevoked':
        return state.status === 'none' ? state : { ...state, status: 'revoked' };
      case 'InviteLinkRenewed':
        return state;
      default:
        return assertNever(event);
    }
  },
};
