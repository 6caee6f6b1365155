import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { OrganizationEvent } from './organization-events.js';

export interface CreateOrganization {
  readonly type: 'CreateOrganization';
  readonly organizationId: string;
  readonly name: string;
  readonly now: string;
}

export type OrganizationCommand = CreateOrganization;

export interface OrganizationState {
  readonly exists: boolean;
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: () => ({ exists: false }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateOrganization':
        if (state.exists) return reject('conflict', 'The organization already exists');
        return accept({ type: 'OrganizationCreated', data: { organizationId: command.organizationId, name: command.name, createdAt: command.now } });
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrganizationCreated':
        return { exists: true };
      default:
        return assertNever(event.type);
    }
  },
};
