import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '@textbank/contracts';
import { addAnswer, addFollowUp, addQuestion, freshId, issueInWords, removeAnswer, removeQuestion, sameQuestions, saveRequest, treeOrder } from './survey-tree';

const vote: SurveyQuestion = { id: 'q1', text: 'Will you vote?', answers: [{ id: 'a1', label: 'Yes' }, { id: 'a2', label: 'No' }] };

describe('editing the tree', () => {
  it('makes ids the survey does not use yet', () => {
    expect(freshId('q', [])).toBe('q1');
    expect(freshId('q', [vote])).toBe('q2');
    expect(freshId('a', [vote])).toBe('a3');
  });

  it('adds a question with one empty answer', () => {
    const [first] = addQuestion([]);
    expect(first).toEqual({ id: 'q1', text: '', answers: [{ id: 'a1', label: '' }] });
  });

  it('adds a follow-up after its question and links the answer to it', () => {
    const other: SurveyQuestion = { id: 'q9', text: 'Other', answers: [{ id: 'a9', label: 'x' }] };
    const { questions, added } = addFollowUp([vote, other], 'q1', 'a2');
    expect(added).toBe('q2');
    expect(questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q9']);
    expect(questions[0]!.answers[1]).toEqual({ id: 'a2', label: 'No', next: 'q2' });
  });

  it('removing a question unlinks the answers that led to it', () => {
    const { questions } = addFollowUp([vote], 'q1', 'a1');
    const left = removeQuestion(questions, 'q2');
    expect(left).toEqual([vote]);
  });

  it('adds answers up to ten and always keeps one', () => {
    let questions = [vote];
    for (let i = 0; i < 12; i++) questions = addAnswer(questions, 'q1');
    expect(questions[0]!.answers).toHaveLength(10);
    questions = [{ ...vote, answers: [vote.answers[0]!] }];
    expect(removeAnswer(questions, 'q1', 'a1')[0]!.answers).toHaveLength(1);
    expect(removeAnswer([vote], 'q1', 'a1')[0]!.answers.map((a) => a.id)).toEqual(['a2']);
  });
});

describe('treeOrder', () => {
  it('puts follow-ups under the answer that leads to them, depth first', () => {
    const why: SurveyQuestion = { id: 'why', text: 'Why not?', answers: [{ id: 'w1', label: 'Busy', next: 'ride' }] };
    const ride: SurveyQuestion = { id: 'ride', text: 'Need a ride?', answers: [{ id: 'r1', label: 'Yes' }] };
    const start: SurveyQuestion = { ...vote, answers: [{ id: 'a1', label: 'Yes' }, { id: 'a2', label: 'No', next: 'why' }] };
    const placed = treeOrder([ride, why, start]);
    expect(placed.map((p) => [p.question.id, p.depth, p.number, p.after?.answer.label ?? null])).toEqual([
      ['q1', 0, 3, null],
      ['why', 1, 2, 'No'],
      ['ride', 2, 1, 'Busy'],
    ]);
  });

  it('still shows questions caught in a cycle', () => {
    const a: SurveyQuestion = { id: 'x', text: 'X', answers: [{ id: 'x1', label: '1', next: 'y' }] };
    const b: SurveyQuestion = { id: 'y', text: 'Y', answers: [{ id: 'y1', label: '1', next: 'x' }] };
    expect(treeOrder([a, b]).map((p) => p.question.id)).toEqual(['x', 'y']);
  });
});

describe('saveRequest', () => {
  it('trims, and leaves out links left empty', () => {
    const request = saveRequest([{ id: 'q1', text: ' Will you vote? ', answers: [{ id: 'a1', label: 'Yes ', next: '', tagId: '', cannedResponseId: 'r1' }] }], 4);
    expect(request).toEqual({ expectedRevision: 4, questions: [{ id: 'q1', text: 'Will you vote?', answers: [{ id: 'a1', label: 'Yes', cannedResponseId: 'r1' }] }] });
    expect(sameQuestions([vote], [{ ...vote, text: 'Will you vote? ' }])).toBe(true);
  });
});

describe('issueInWords', () => {
  it('names the question and answer by number and words', () => {
    expect(issueInWords({ path: 'questions.0.answers.1.next', message: 'leads to a question that leads back to it' }, [vote])).toBe(
      'Question 1 (“Will you vote?”), answer 2 (“No”), the follow-up: leads to a question that leads back to it',
    );
    expect(issueInWords({ path: 'questions.0.text', message: 'is required' }, [{ ...vote, text: '' }])).toBe('Question 1, the question: is required');
    expect(issueInWords({ path: 'questions', message: 'must be at most 50 questions' }, [])).toBe('Must be at most 50 questions');
    expect(issueInWords({ path: 'expectedRevision', message: 'is stale' }, [])).toBe('expectedRevision: is stale');
  });
});
