import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { CampaignEvent, TextingHours } from './campaign-events.js';

export interface CreateCampaign {
  readonly type: 'CreateCampaign';
  readonly campaignId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly description: string;
  readonly textingHours: TextingHours;
  readonly now: string;
}

export interface ChangeCampaignDetails {
  readonly type: 'ChangeCampaignDetails';
  readonly campaignId: string;
  readonly name?: string;
  readonly description?: string;
  readonly textingHours?: TextingHours;
  readonly now: string;
}

export type CampaignCommand = CreateCampaign | ChangeCampaignDetails;

export type CampaignState =
  | { readonly status: 'none' }
  | { readonly status: 'draft' | 'active' | 'paused' | 'archived'; readonly name: string; readonly description: string; readonly textingHours: TextingHours };

const sameHours = (a: TextingHours, b: TextingHours) => a.start === b.start && a.end === b.end;

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateCampaign': {
        if (state.status !== 'none') return reject('conflict', 'The campaign already exists');
        const { campaignId, organizationId, name, description, textingHours, now } = command;
        return accept({ type: 'CampaignCreated', data: { campaignId, organizationId, name, description, textingHours, createdAt: now } });
      }
      case 'ChangeCampaignDetails': {
        if (state.status === 'none') return reject('not_found', 'No such campaign');
        // Details are fixed once texting starts: volunteers are already reading them.
        if (state.status !== 'draft') return reject('conflict', `A ${state.status} campaign's details cannot change`);
        const changes = {
          ...(command.name !== undefined && command.name !== state.name && { name: command.name }),
          ...(command.description !== undefined && command.description !== state.description && { description: command.description }),
          ...(command.textingHours && !sameHours(command.textingHours, state.textingHours) && { textingHours: command.textingHours }),
        };
        if (Object.keys(changes).length === 0) return accept();
        return accept({ type: 'CampaignDetailsChanged', data: { campaignId: command.campaignId, ...changes, changedAt: command.now } });
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CampaignCreated':
        return { status: 'draft', name: event.data.name, description: event.data.description, textingHours: event.data.textingHours };
      case 'CampaignDetailsChanged':
        if (state.status === 'none') return state;
        return {
          ...state,
          name: event.data.name ?? state.name,
          description: event.data.description ?? state.description,
          textingHours: event.data.textingHours ?? state.textingHours,
        };
      default:
        return assertNever(event);
    }
  },
};
