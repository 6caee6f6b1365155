import { z } from 'zod';
import { humanText } from './fields.js';

/** Ids of questions and answers are the editor's own, kept across versions so answers under any version count together. */
const SurveyId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, - or _');

export const SurveyAnswer = z.strictObject({
  id: SurveyId,
  label: humanText({ max: 100 }),
  /** The follow-up question's id. */
  next: SurveyId.optional(),
  /** A canned response to suggest. */
  cannedResponseId: z.uuid('must be a canned response id').optional(),
  /** A tag to apply: one the campaign offers. */
  tagId: z.uuid('must be a tag id').optional(),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const SurveyQuestion = z.strictObject({
  id: SurveyId,
  text: humanText({ max: 500, multiline: true }),
  answers: z.array(SurveyAnswer).min(1, 'must have at least one answer').max(10, 'must have at most 10 answers'),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/**
 * The whole tree, saved as a new version. Questions in display order; those
 * no answer leads to start a conversation's survey. The server refuses cycles,
 * follow-ups to missing questions, duplicate answer labels within a question,
 * tags the campaign does not offer, and trees deeper than 10 questions.
 * `expectedRevision`: the survey stream's revision the editor loaded (-1: nothing saved yet).
 */
export const SaveSurveyRequest = z.strictObject({
  expectedRevision: z.number().int().min(-1),
  questions: z.array(SurveyQuestion).max(50, 'must be at most 50 questions'),
});
export type SaveSurveyRequest = z.infer<typeof SaveSurveyRequest>;

/** A campaign's survey and the tags it offers; `version` 0 until the first save; `revision` -1 before anything was saved. */
export const SurveyView = z.object({
  campaignId: z.string(),
  version: z.number(),
  questions: z.array(SurveyQuestion),
  tagIds: z.array(z.string()),
  updatedAt: z.string().nullable(),
  revision: z.number(),
});
export type SurveyView = z.infer<typeof SurveyView>;

export const SurveyPage = SurveyView.extend({ position: z.string() });
export type SurveyPage = z.infer<typeof SurveyPage>;

/** Live, to followers of 'campaign:<id>': the campaign's survey and chosen tags as they are now. */
export const SurveyUpsertedChange = z.object({
  kind: z.literal('survey.upserted'),
  topic: z.templateLiteral(['campaign:', z.uuid()]),
  position: z.string(),
  payload: SurveyView,
});
