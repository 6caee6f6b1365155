import type { AnyDomainEvent, SurveyQuestion } from '@textbank/domain';
import { describe, expect, it } from 'vitest';
import { projectorSpec } from '../projector.spec-helpers.js';
import { campaignSurveysProjector, findSurvey, surveyChangeSince } from './campaign-surveys.js';

const at = '2026-11-28T12:00:00.000Z';
const c1 = '0195f5a0-0000-7000-8000-0000000000c1';
const stream = `campaign-survey-${c1}`;
const question: SurveyQuestion = { id: 'vote', text: 'Will you vote?', answers: [{ id: 'y', label: 'Yes', tagId: 't1' }] };
const chosen = (...tagIds: string[]): [string, AnyDomainEvent] => [stream, { type: 'CampaignTagsChosen', data: { campaignId: c1, tagIds, chosenAt: at } }];
const saved = (version: number, questions: SurveyQuestion[]): [string, AnyDomainEvent] => [stream, { type: 'SurveyVersionSaved', data: { campaignId: c1, version, questions, savedAt: at } }];

describe('campaign surveys read model', () => {
  it('answers version 0 at revision -1 before anything is saved', () => {
    const spec = projectorSpec(campaignSurveysProjector);
    expect(findSurvey(spec.db, c1)).toEqual({ campaignId: c1, version: 0, questions: [], tagIds: [], updatedAt: null, revision: -1 });
  });

  it('keeps the latest version and the chosen tags, at the stream revision', () => {
    const spec = projectorSpec(campaignSurveysProjector);
    spec.given(chosen('t1'), saved(1, [question]), saved(2, []), chosen('t1', 't2'));
    expect(findSurvey(spec.db, c1)).toEqual({ campaignId: c1, version: 2, questions: [], tagIds: ['t1', 't2'], updatedAt: at, revision: 3 });
  });

  it('a survey saved before any tags were chosen keeps an empty tag list', () => {
    const spec = projectorSpec(campaignSurveysProjector);
    spec.given(saved(1, [{ ...question, answers: [{ id: 'y', label: 'Yes' }] }]));
    expect(findSurvey(spec.db, c1)).toMatchObject({ version: 1, tagIds: [], revision: 0 });
  });

  it("announces the whole survey to the campaign's followers, and replays it", () => {
    const spec = projectorSpec(campaignSurveysProjector);
    const changes = spec.given(chosen('t1'), saved(1, [question]));
    expect(changes.map((c) => [c.kind, c.topic])).toEqual([
      ['survey.upserted', `campaign:${c1}`],
      ['survey.upserted', `campaign:${c1}`],
    ]);
    expect(changes[1]).toMatchObject({ payload: { version: 1, questions: [question], tagIds: ['t1'] } });
    expect(surveyChangeSince(spec.db, c1, 100n)).toHaveLength(1);
    expect(surveyChangeSince(spec.db, c1, 200n)).toEqual([]);
  });
});
