import type { DomainEvent } from '../shared/decider.js';

/**
 * One answer option. `next`: the follow-up question it leads to;
 * `cannedResponseId`: a reply to suggest; `tagId`: a tag to apply (one the campaign chose).
 * Ids are the editor's, stable across versions, so answers recorded under
 * different versions still count together.
 */
export interface SurveyAnswer {
  readonly id: string;
  readonly label: string;
  readonly next?: string;
  readonly cannedResponseId?: string;
  readonly tagId?: string;
}

export interface SurveyQuestion {
  readonly id: string;
  readonly text: string;
  readonly answers: readonly SurveyAnswer[];
}

/** Which of the organization's tags this campaign's texters may apply, in the order they are offered. */
export type CampaignTagsChosen = DomainEvent<'CampaignTagsChosen', { campaignId: string; tagIds: string[]; chosenAt: string }>;

/**
 * The whole question tree as of `version` (1, 2, …): a new version, never an
 * in-place change, so what a texter answered can always be read against the
 * version they saw. `questions` in display order; the ones no answer leads to are where a conversation starts.
 */
export type SurveyVersionSaved = DomainEvent<'SurveyVersionSaved', { campaignId: string; version: number; questions: SurveyQuestion[]; savedAt: string }>;

export type SurveyEvent = CampaignTagsChosen | SurveyVersionSaved;

/** A campaign's texting set-up that is edited live: its survey and the tags it offers, decided together. */
export const campaignSurveyStream = (campaignId: string) => `campaign-survey-${campaignId}`;
