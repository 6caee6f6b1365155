import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import type { CampaignState } from '../campaign/campaign-decider.js';
import type { SurveyEvent, SurveyQuestion } from './survey-events.js';
import { surveyProblem } from './survey-tree.js';

/** The campaign's status, read from its own stream by the handler (campaigns are never deleted, and archiving is final). */
type CampaignStatus = CampaignState['status'];

export interface ChooseCampaignTags {
  readonly type: 'ChooseCampaignTags';
  readonly campaignId: string;
  readonly campaignStatus: CampaignStatus;
  readonly tagIds: readonly string[];
  /** The organization's tags as the tags stream has them now; tags are never deleted, so one found stays found. */
  readonly knownTags: ReadonlyMap<string, { readonly archived: boolean }>;
  readonly now: string;
}

export interface SaveSurvey {
  readonly type: 'SaveSurvey';
  readonly campaignId: string;
  readonly campaignStatus: CampaignStatus;
  readonly questions: readonly SurveyQuestion[];
  readonly now: string;
}

export type SurveyCommand = ChooseCampaignTags | SaveSurvey;

export interface SurveyState {
  readonly chosenTagIds: readonly string[];
  /** 0 until the first save. */
  readonly version: number;
  readonly questions: readonly SurveyQuestion[];
}

export const MAX_CAMPAIGN_TAGS = 100;

function editable(status: CampaignStatus): Decision<never> | undefined {
  if (status === 'none') return reject('not_found', 'No such campaign');
  // Draft, active or paused: texters see each new version; an archived campaign is a record.
  if (status === 'archived') return reject('conflict', 'An archived campaign cannot change');
  return undefined;
}

function decideTags(command: ChooseCampaignTags, state: SurveyState): Decision<SurveyEvent> {
  const { campaignId, tagIds, knownTags, now } = command;
  if (tagIds.length > MAX_CAMPAIGN_TAGS) return reject('invalid', `A campaign offers at most ${MAX_CAMPAIGN_TAGS} tags`, 'tagIds');
  if (new Set(tagIds).size !== tagIds.length) return reject('invalid', 'A tag is chosen twice', 'tagIds');
  for (const [i, tagId] of tagIds.entries()) {
    const tag = knownTags.get(tagId);
    if (!tag) return reject('invalid', `There is no tag ${tagId}`, `tagIds.${i}`);
    // One chosen before its archiving may stay; an archived tag is not offered anew.
    if (tag.archived && !state.chosenTagIds.includes(tagId)) return reject('invalid', 'The tag is archived', `tagIds.${i}`);
  }
  const kept = new Set(tagIds);
  for (const question of state.questions) {
    const applying = question.answers.find((answer) => answer.tagId !== undefined && !kept.has(answer.tagId));
    if (applying) {
      return reject('conflict', `The answer “${applying.label}” to “${question.text}” applies this tag: change the survey first`, 'tagIds');
    }
  }
  if (tagIds.length === state.chosenTagIds.length && tagIds.every((id, i) => id === state.chosenTagIds[i])) return accept();
  return accept({ type: 'CampaignTagsChosen', data: { campaignId, tagIds: [...tagIds], chosenAt: now } });
}

/** The tree with its keys in one order, whatever order the editor sent them in: so an unchanged tree compares equal. */
const canonical = (questions: readonly SurveyQuestion[]): SurveyQuestion[] =>
  questions.map(({ id, text, answers }) => ({
    id,
    text,
    answers: answers.map(({ id, label, next, cannedResponseId, tagId }) => ({
      id,
      label,
      ...(next !== undefined && { next }),
      ...(cannedResponseId !== undefined && { cannedResponseId }),
      ...(tagId !== undefined && { tagId }),
    })),
  }));

function decideSurvey(command: SaveSurvey, state: SurveyState): Decision<SurveyEvent> {
  const problem = surveyProblem(command.questions, state.chosenTagIds);
  if (problem) return reject('invalid', problem.message, problem.field);
  const questions = canonical(command.questions);
  // Saving what is already there (a double click) is not a new version.
  if (JSON.stringify(questions) === JSON.stringify(canonical(state.questions))) return accept();
  const { campaignId, now } = command;
  return accept({ type: 'SurveyVersionSaved', data: { campaignId, version: state.version + 1, questions, savedAt: now } });
}

/** A campaign's survey and chosen tags, in one stream: a survey answer may apply only a tag the campaign offers. */
export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  initialState: () => ({ chosenTagIds: [], version: 0, questions: [] }),

  decide(command, state) {
    const closed = editable(command.campaignStatus);
    if (closed) return closed;
    switch (command.type) {
      case 'ChooseCampaignTags':
        return decideTags(command, state);
      case 'SaveSurvey':
        return decideSurvey(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CampaignTagsChosen':
        return { ...state, chosenTagIds: event.data.tagIds };
      case 'SurveyVersionSaved':
        return { ...state, version: event.data.version, questions: event.data.questions };
      default:
        return assertNever(event);
    }
  },
};
