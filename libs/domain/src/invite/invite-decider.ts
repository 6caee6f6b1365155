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

export type InviteCommand = CreateInvite | RevokeInvite;

export type InviteState = { readonly status: 'none' } | { readonly status: 'open' | 'revoked'; readonly expiresAt: string };

export const inviteDecider: Decider<InviteCommand, InviteEvent, InviteState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateInvite': {
        if (state.status !== 'none') return reject('conflict', 'The invite already exists');
        const { invite, now } = command;
        if (invite.expiresAt <= now) return reject('invalid', 'An invite must expire in the future', 'expiresAt');
        if (invite.kind === 'volunteer' && invite.role !== 'volunteer') return reject('invalid', 'A volunteer link makes volunteers', 'role');
        if (invite.kind === 'named' && !invite.email) return reject('invalid', 'A named invite needs an email', 'email');
        return accept({ type: 'InviteCreated', data: { ...invite, createdAt: now } });
      }
      case 'RevokeInvite':
        if (state.status === 'none') return reject('not_found', 'No such invite');
        if (state.status === 'revoked') return accept();
        return accept({ type: 'InviteRevoked', data: { inviteId: command.inviteId, revokedAt: command.now } });
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
      default:
        return assertNever(event);
    }
  },
};
