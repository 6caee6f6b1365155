import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { OrganizationEvent } from './organization-events.js';

export interface SetUpOrganization {
  readonly type: 'SetUpOrganization';
  readonly organizationId: string;
  readonly name: string;
  readonly owner: { readonly personId: string; readonly name: string; readonly email: string };
  readonly now: string;
}

export type OrganizationCommand = SetUpOrganization;

export interface OrganizationState {
  readonly exists: boolean;
  readonly memberEmails: ReadonlySet<string>;
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: () => ({ exists: false, memberEmails: new Set() }),

  decide(command, state) {
    switch (command.type) {
      case 'SetUpOrganization':
        if (state.exists) return reject('conflict', 'The organization already exists');
        return accept<OrganizationEvent>(
          { type: 'OrganizationCreated', data: { organizationId: command.organizationId, name: command.name, createdAt: command.now } },
          {
            type: 'PersonJoined',
            data: {
              personId: command.owner.personId,
              organizationId: command.organizationId,
              name: command.owner.name,
              email: command.owner.email,
              role: 'owner',
              joinedAt: command.now,
            },
          },
        );
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrganizationCreated':
        return { ...state, exists: true };
      case 'PersonJoined':
        return { ...state, memberEmails: new Set([...state.memberEmails, event.data.email]) };
      default:
        return assertNever(event);
    }
  },
};
