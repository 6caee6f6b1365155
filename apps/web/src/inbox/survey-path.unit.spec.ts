import type { CannedResponseView, SurveyQuestion } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { suggestedResponse, surveyPath } from './survey-path';

const questions: SurveyQuestion[] = [
  { id: 'vote', text: 'Will you vote?', answers: [{ id: 'yes', label: 'Yes', next: 'how' }, { id: 'no', label: 'No', cannedResponseId: 'cr-sorry' }] },
  { id: 'how', text: 'How will you get there?', answers: [{ id: 'drive', label: 'Drive' }, { id: 'lift', label: 'Need a lift', cannedResponseId: 'cr-ride' }] },
  { id: 'volunteer', text: 'Can you help on the day?', answers: [{ id: 'sure', label: 'Sure' }] },
];
const ids = (steps: ReturnType<typeof surveyPath>) => steps.map((s) => `${s.question.id}=${s.chosenId ?? '-'}`);
const response = (responseId: string): CannedResponseView => ({ responseId, campaignId: 'c', title: responseId, body: 'x', version: 1, rank: 0, updatedAt: '', updatedBy: { id: 'p', name: 'P' } as CannedResponseView['updatedBy'] });

describe('the survey as a thread shows it', () => {
  it('starts with every starting question, and opens a follow-up only once its answer is recorded', () => {
    expect(ids(surveyPath(questions, []))).toEqual(['vote=-', 'volunteer=-']);
    expect(ids(surveyPath(questions, [{ questionId: 'vote', answerId: 'yes' }]))).toEqual(['vote=yes', 'how=-', 'volunteer=-']);
    expect(ids(surveyPath(questions, [{ questionId: 'vote', answerId: 'no' }]))).toEqual(['vote=no', 'volunteer=-']);
  });

  it('keeps an answer off the path in view (the first answer changed since)', () => {
    expect(ids(surveyPath(questions, [{ questionId: 'vote', answerId: 'no' }, { questionId: 'how', answerId: 'drive' }]))).toEqual(['vote=no', 'volunteer=-', 'how=drive']);
  });

  it('survives a cycle in a tree that arrives broken', () => {
    const looped: SurveyQuestion[] = [
      { id: 'a', text: 'A', answers: [{ id: 'x', label: 'X', next: 'b' }] },
      { id: 'b', text: 'B', answers: [{ id: 'y', label: 'Y', next: 'a' }] },
    ];
    expect(ids(surveyPath(looped, [{ questionId: 'a', answerId: 'x' }, { questionId: 'b', answerId: 'y' }]))).toEqual(['a=x', 'b=y']);
  });

  it('suggests the reply of the latest answer that names one, if the campaign still has it', () => {
    const responses = [response('cr-ride'), response('cr-sorry')];
    expect(suggestedResponse(surveyPath(questions, [{ questionId: 'vote', answerId: 'yes' }, { questionId: 'how', answerId: 'lift' }]), responses)?.responseId).toBe('cr-ride');
    expect(suggestedResponse(surveyPath(questions, [{ questionId: 'vote', answerId: 'no' }]), responses)?.responseId).toBe('cr-sorry');
    expect(suggestedResponse(surveyPath(questions, [{ questionId: 'vote', answerId: 'yes' }, { questionId: 'how', answerId: 'drive' }]), responses)).toBeUndefined();
    expect(suggestedResponse(surveyPath(questions, [{ questionId: 'vote', answerId: 'no' }]), [])).toBeUndefined();
  });
});
