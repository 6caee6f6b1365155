import { describe, expect, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { surveyDecider, type ChooseCampaignTags, type SaveSurvey } from './survey-decider.js';
import type { SurveyEvent, SurveyQuestion } from './survey-events.js';
import { SURVEY_LIMITS } from './survey-tree.js';

const now = '2026-11-28T12:00:00.000Z';
const spec = specify(surveyDecider);
const knownTags = new Map([
  ['yes', { archived: false }],
  ['no', { archived: false }],
  ['old', { archived: true }],
]);
const choose = (tagIds: string[], extra: Partial<ChooseCampaignTags> = {}): ChooseCampaignTags => ({
  type: 'ChooseCampaignTags', campaignId: 'c1', campaignStatus: 'draft', tagIds, knownTags, now, ...extra,
});
const save = (questions: SurveyQuestion[], extra: Partial<SaveSurvey> = {}): SaveSurvey => ({
  type: 'SaveSurvey', campaignId: 'c1', campaignStatus: 'draft', questions, now, ...extra,
});
const chosen = (...tagIds: string[]): SurveyEvent => ({ type: 'CampaignTagsChosen', data: { campaignId: 'c1', tagIds, chosenAt: now } });
const saved = (version: number, questions: SurveyQuestion[]): SurveyEvent => ({ type: 'SurveyVersionSaved', data: { campaignId: 'c1', version, questions, savedAt: now } });

const vote: SurveyQuestion = {
  id: 'vote',
  text: 'Will you vote?',
  answers: [
    { id: 'y', label: 'Yes', next: 'when', tagId: 'yes', cannedResponseId: '0195f5a0-0000-7000-8000-00000000c0de' },
    { id: 'm', label: 'Maybe', next: 'when' },
    { id: 'n', label: 'No', tagId: 'no' },
  ],
};
const when: SurveyQuestion = { id: 'when', text: 'When?', answers: [{ id: 'early', label: 'Early' }, { id: 'day', label: 'On the day' }] };
/** q0 → q1 → … → q(n-1): n questions deep. */
const chain = (n: number): SurveyQuestion[] =>
  Array.from({ length: n }, (_, i) => ({ id: `q${i}`, text: `Question ${i}`, answers: [{ id: 'a', label: 'Go on', ...(i + 1 < n && { next: `q${i + 1}` }) }] }));

describe('survey decider', () => {
  describe('tags a campaign offers', () => {
    it('chooses tags of the organization, in order; the same choice again records nothing', () => {
      spec.given([]).when(choose(['no', 'yes'])).then([chosen('no', 'yes')]);
      spec.given([chosen('no', 'yes')]).when(choose(['no', 'yes'])).then([]);
      spec.given([chosen('no', 'yes')]).when(choose(['yes', 'no'])).then([chosen('yes', 'no')]);
    });

    it('refuses unknown, archived and repeated tags, naming the place', () => {
      spec.given([]).when(choose(['yes', 'ghost'])).thenRejects('invalid', /no tag ghost/);
      spec.given([]).when(choose(['old'])).thenRejects('invalid', /archived/);
      spec.given([]).when(choose(['yes', 'yes'])).thenRejects('invalid', /twice/);
    });

    it('keeps a tag archived after it was chosen', () => {
      spec.given([chosen('old', 'yes')]).when(choose(['old'])).then([chosen('old')]);
    });

    it('refuses to drop a tag the survey applies', () => {
      spec.given([chosen('yes', 'no'), saved(1, [vote, when])]).when(choose(['yes'])).thenRejects('conflict', /“No” to “Will you vote\?” applies this tag/);
    });

    it('refuses campaigns that do not exist or are archived; active and paused ones may change', () => {
      spec.given([]).when(choose(['yes'], { campaignStatus: 'none' })).thenRejects('not_found');
      spec.given([]).when(choose(['yes'], { campaignStatus: 'archived' })).thenRejects('conflict', /archived/);
      spec.given([]).when(choose(['yes'], { campaignStatus: 'active' })).then([chosen('yes')]);
      spec.given([]).when(choose(['yes'], { campaignStatus: 'paused' })).then([chosen('yes')]);
    });
  });

  describe('question trees', () => {
    it('saves version 1, then 2: every change is a new version', () => {
      spec.given([chosen('yes', 'no')]).when(save([vote, when])).then([saved(1, [vote, when])]);
      const shorter = [{ ...vote, answers: vote.answers.slice(1) }, when];
      spec.given([chosen('yes', 'no'), saved(1, [vote, when])]).when(save(shorter)).then([saved(2, shorter)]);
      spec.given([chosen('yes', 'no'), saved(1, [vote, when])]).when(save([])).then([saved(2, [])]);
    });

    it('saving the same tree again is not a new version, whatever order its keys came in', () => {
      spec.given([chosen('yes', 'no'), saved(1, [vote, when])]).when(save([vote, when])).then([]);
      const reordered = [vote, when].map((q) => ({ answers: q.answers.map((a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a), text: q.text, id: q.id }));
      spec.given([chosen('yes', 'no'), saved(1, [vote, when])]).when(save(reordered)).then([]);
    });

    it('lets two answers share a follow-up', () => {
      spec.given([chosen('yes', 'no')]).when(save([when, vote])).then([saved(1, [when, vote])]);
    });

    it('refuses cycles, short and long', () => {
      const selfLoop: SurveyQuestion = { id: 's', text: 'Again?', answers: [{ id: 'a', label: 'Again', next: 's' }] };
      spec.given([]).when(save([selfLoop])).thenRejects('invalid', /its own question/);
      const loop = chain(4).map((q, i) => (i === 3 ? { ...q, answers: [{ id: 'a', label: 'Back', next: 'q1' }] } : q));
      spec.given([]).when(save(loop)).thenRejects('invalid', /round in circles/);
    });

    it('refuses dangling follow-ups and tags the campaign does not offer', () => {
      spec.given([chosen('yes', 'no')]).when(save([vote])).thenRejects('invalid', /no question when/);
      spec.given([chosen('yes')]).when(save([vote, when])).thenRejects('invalid', /not one this campaign offers/);
    });

    it('refuses duplicate answer labels (whatever their case) and duplicate ids', () => {
      const twice: SurveyQuestion = { id: 'q', text: 'Q', answers: [{ id: 'a', label: 'Yes' }, { id: 'b', label: 'YES' }] };
      spec.given([]).when(save([twice])).thenRejects('invalid', /already an answer/);
      const sameId: SurveyQuestion = { id: 'q', text: 'Q', answers: [{ id: 'a', label: 'Yes' }, { id: 'a', label: 'No' }] };
      spec.given([]).when(save([sameId])).thenRejects('invalid', /used twice/);
      spec.given([]).when(save([when, { ...vote, id: 'when' }])).thenRejects('invalid', /Question id when is used twice/);
      spec.given([]).when(save([{ id: 'q', text: 'Q', answers: [] }])).thenRejects('invalid', /at least one answer/);
    });

    it(`keeps within ${SURVEY_LIMITS.questions} questions, ${SURVEY_LIMITS.answersPerQuestion} answers each, ${SURVEY_LIMITS.depth} deep`, () => {
      spec.given([]).when(save(chain(SURVEY_LIMITS.depth))).then([saved(1, chain(SURVEY_LIMITS.depth))]);
      spec.given([]).when(save(chain(SURVEY_LIMITS.depth + 1))).thenRejects('invalid', /11 questions deep; at most 10/);
      const flat = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `f${i}`, text: `F${i}`, answers: [{ id: 'a', label: 'Ok' }] }));
      spec.given([]).when(save(flat(SURVEY_LIMITS.questions))).then([saved(1, flat(SURVEY_LIMITS.questions))]);
      spec.given([]).when(save(flat(SURVEY_LIMITS.questions + 1))).thenRejects('invalid', /at most 50 questions/);
      const wide = { id: 'w', text: 'W', answers: Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, label: `A${i}` })) };
      spec.given([]).when(save([wide])).thenRejects('invalid', /at most 10 answers/);
    });

    it('names the field of the problem', () => {
      const decision = surveyDecider.decide(save([vote, { ...when, answers: [{ id: 'x', label: 'X', next: 'nowhere' }] }]), { chosenTagIds: ['yes', 'no'], version: 0, questions: [] });
      expect(decision).toMatchObject({ ok: false, rejection: { code: 'invalid', field: 'questions.1.answers.0.next' } });
    });

    it('refuses an archived campaign’s survey', () => {
      spec.given([]).when(save([when], { campaignStatus: 'archived' })).thenRejects('conflict');
      spec.given([]).when(save([when], { campaignStatus: 'none' })).thenRejects('not_found');
    });
  });
});
