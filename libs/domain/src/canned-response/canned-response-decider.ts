import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import { campaignProblem, textProblem, type CampaignStanding, type TextFacts } from '../script/script-text-rules.js';
import type { CannedResponseEvent } from './canned-response-events.js';

export const MAX_CANNED_RESPONSES = 100;

interface ForCampaign {
  readonly campaignId: string;
  readonly campaign: CampaignStanding;
  readonly now: string;
}

export interface CreateCannedResponse extends ForCampaign {
  readonly type: 'CreateCannedResponse';
  readonly responseId: string;
  readonly title: string;
  readonly body: string;
  readonly bodyFacts: TextFacts;
  readonly allowedMergeFields: readonly string[];
}

/** `expectedVersion`: the version the editor loaded; a stale one is a conflict, not a silent overwrite. */
export interface EditCannedResponse extends ForCampaign {
  readonly type: 'EditCannedResponse';
  readonly responseId: string;
  readonly expectedVersion?: number;
  readonly title?: string;
  readonly body?: string;
  readonly bodyFacts?: TextFacts;
  readonly allowedMergeFields: readonly string[];
}

export interface ReorderCannedResponses extends ForCampaign {
  readonly type: 'ReorderCannedResponses';
  readonly order: readonly string[];
}

export interface DeleteCannedResponse extends ForCampaign {
  readonly type: 'DeleteCannedResponse';
  readonly responseId: string;
  readonly expectedVersion?: number;
}

export type CannedResponseCommand = CreateCannedResponse | EditCannedResponse | ReorderCannedResponses | DeleteCannedResponse;

export interface CannedResponse {
  readonly responseId: string;
  readonly title: string;
  readonly body: string;
  readonly version: number;
}

/** The list in order. */
export interface CannedResponsesState {
  readonly responses: readonly CannedResponse[];
}

const staleVersion = (expected: number, actual: number) =>
  reject('conflict', `Expected version ${expected}, but it is at ${actual}: someone else changed this response first`, 'expectedVersion');

function decide(command: CannedResponseCommand, state: CannedResponsesState): Decision<CannedResponseEvent> {
  const campaign = campaignProblem(command.campaign);
  if (campaign) return { ok: false, rejection: campaign };
  const { campaignId, now } = command;
  const existing = 'responseId' in command ? state.responses.find((r) => r.responseId === command.responseId) : undefined;
  switch (command.type) {
    case 'CreateCannedResponse': {
      if (existing) return reject('conflict', 'This canned response already exists');
      if (state.responses.length >= MAX_CANNED_RESPONSES) return reject('invalid', `A campaign has at most ${MAX_CANNED_RESPONSES} canned responses`);
      const problem = textProblem(command.bodyFacts, command.allowedMergeFields, 'body');
      if (problem) return { ok: false, rejection: problem };
      const { responseId, title, body } = command;
      return accept({ type: 'CannedResponseCreated', data: { campaignId, responseId, title, body, version: 1, createdAt: now } });
    }
    case 'EditCannedResponse': {
      if (!existing) return reject('not_found', 'No such canned response');
      if (command.expectedVersion !== undefined && command.expectedVersion !== existing.version) return staleVersion(command.expectedVersion, existing.version);
      const bodyChanged = command.body !== undefined && command.body !== existing.body;
      if (bodyChanged) {
        const problem = command.bodyFacts ? textProblem(command.bodyFacts, command.allowedMergeFields, 'body') : undefined;
        if (problem) return { ok: false, rejection: problem };
      }
      const changes = {
        ...(command.title !== undefined && command.title !== existing.title && { title: command.title }),
        ...(bodyChanged && { body: command.body }),
      };
      if (Object.keys(changes).length === 0) return accept();
      return accept({
        type: 'CannedResponseEdited',
        data: { campaignId, responseId: existing.responseId, version: existing.version + 1, ...changes, editedAt: now },
      });
    }
    case 'ReorderCannedResponses': {
      const current = state.responses.map((r) => r.responseId);
      const sameSet = command.order.length === current.length && new Set(command.order).size === current.length && command.order.every((id) => current.includes(id));
      // Someone added or deleted a response meanwhile: reordering a list they did not see would lose it.
      if (!sameSet) return reject('conflict', 'The order must name every canned response once; the list has changed, reload it', 'order');
      if (command.order.every((id, i) => id === current[i])) return accept();
      return accept({ type: 'CannedResponsesReordered', data: { campaignId, order: [...command.order], reorderedAt: now } });
    }
    case 'DeleteCannedResponse': {
      if (!existing) return reject('not_found', 'No such canned response');
      if (command.expectedVersion !== undefined && command.expectedVersion !== existing.version) return staleVersion(command.expectedVersion, existing.version);
      return accept({ type: 'CannedResponseDeleted', data: { campaignId, responseId: existing.responseId, deletedAt: now } });
    }
    default:
      return assertNever(command);
  }
}

/** A campaign's canned responses: titled, ordered; each change an event. */
export const cannedResponseDecider: Decider<CannedResponseCommand, CannedResponseEvent, CannedResponsesState> = {
  initialState: () => ({ responses: [] }),
  decide,
  evolve(state, event) {
    switch (event.type) {
      case 'CannedResponseCreated': {
        const { responseId, title, body, version } = event.data;
        return { responses: [...state.responses, { responseId, title, body, version }] };
      }
      case 'CannedResponseEdited': {
        const { responseId, version, title, body } = event.data;
        return {
          responses: state.responses.map((r) => (r.responseId === responseId ? { ...r, version, title: title ?? r.title, body: body ?? r.body } : r)),
        };
      }
      case 'CannedResponsesReordered': {
        const byId = new Map(state.responses.map((r) => [r.responseId, r]));
        return { responses: event.data.order.flatMap((id) => byId.get(id) ?? []) };
      }
      case 'CannedResponseDeleted':
        return { responses: state.responses.filter((r) => r.responseId !== event.data.responseId) };
      default:
        return assertNever(event);
    }
  },
};
