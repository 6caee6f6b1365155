import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import type { CampaignEvent, TextingHours } from './campaign-events.js';
import { launchChecklist, missingFrom, type CampaignFacts } from './launch-checklist.js';

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

/** Launch and resume carry the facts the checklist needs (contacts, scripts), gathered by the handler. */
export interface LaunchCampaign {
  readonly type: 'LaunchCampaign';
  readonly campaignId: string;
  readonly facts: CampaignFacts;
  readonly now: string;
}
export interface PauseCampaign {
  readonly type: 'PauseCampaign';
  readonly campaignId: string;
  readonly now: string;
}
export interface ResumeCampaign {
  readonly type: 'ResumeCampaign';
  readonly campaignId: string;
  readonly facts: CampaignFacts;
  readonly now: string;
}
export interface ArchiveCampaign {
  readonly type: 'ArchiveCampaign';
  readonly campaignId: string;
  readonly now: string;
}

export type LifecycleCommand = LaunchCampaign | PauseCampaign | ResumeCampaign | ArchiveCampaign;
export type CampaignCommand = CreateCampaign | ChangeCampaignDetails | LifecycleCommand;

export type CampaignState =
  | { readonly status: 'none' }
  | { readonly status: 'draft' | 'active' | 'paused' | 'archived'; readonly name: string; readonly description: string; readonly textingHours: TextingHours };

const sameHours = (a: TextingHours, b: TextingHours) => a.start === b.start && a.end === b.end;

type Existing = Exclude<CampaignState, { status: 'none' }>;

/**
 * draft → active (launch) → paused ⇄ active (pause, resume) → archived (from
 * any, final). Asking for the status a campaign already has records nothing,
 * so two admins pressing Pause at once both succeed. Launching and resuming
 * pass the checklist: what was true at launch may not be any more.
 */
function decideLifecycle(command: LifecycleCommand, state: Existing): Decision<CampaignEvent> {
  const { campaignId, now } = command;
  if (state.status === 'archived') return command.type === 'ArchiveCampaign' ? accept() : reject('conflict', 'The campaign is archived');
  const ready = (facts: CampaignFacts) => {
    const missing = missingFrom(launchChecklist(facts, state.textingHours));
    return missing ? reject('conflict', `Not ready: ${missing}`, 'checklist') : undefined;
  };
  switch (command.type) {
    case 'LaunchCampaign':
      if (state.status === 'active') return accept();
      if (state.status === 'paused') return reject('conflict', 'The campaign is paused: resume it instead');
      return ready(command.facts) ?? accept({ type: 'CampaignLaunched', data: { campaignId, launchedAt: now } });
    case 'PauseCampaign':
      if (state.status === 'paused') return accept();
      if (state.status === 'draft') return reject('conflict', 'The campaign has not been launched');
      return accept({ type: 'CampaignPaused', data: { campaignId, pausedAt: now } });
    case 'ResumeCampaign':
      if (state.status === 'active') return accept();
      if (state.status === 'draft') return reject('conflict', 'The campaign has not been launched: launch it instead');
      return ready(command.facts) ?? accept({ type: 'CampaignResumed', data: { campaignId, resumedAt: now } });
    case 'ArchiveCampaign':
      return accept({ type: 'CampaignArchived', data: { campaignId, from: state.status, archivedAt: now } });
    default:
      return assertNever(command);
  }
}

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
      case 'LaunchCampaign':
      case 'PauseCampaign':
      case 'ResumeCampaign':
      case 'ArchiveCampaign':
        if (state.status === 'none') return reject('not_found', 'No such campaign');
        return decideLifecycle(command, state);
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
      case 'CampaignLaunched':
      case 'CampaignResumed':
        return state.status === 'none' ? state : { ...state, status: 'active' };
      case 'CampaignPaused':
        return state.status === 'none' ? state : { ...state, status: 'paused' };
      case 'CampaignArchived':
        return state.status === 'none' ? state : { ...state, status: 'archived' };
      default:
        return assertNever(event);
    }
  },
};
