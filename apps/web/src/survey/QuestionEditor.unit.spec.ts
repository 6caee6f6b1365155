import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import QuestionEditor from './QuestionEditor.svelte';
import { treeOrder } from './survey-tree';

const questions = [
  { id: 'q1', text: 'Will you vote?', answers: [{ id: 'a1', label: 'Yes', tagId: 't1' }, { id: 'a2', label: 'No', next: 'q2' }] },
  { id: 'q2', text: 'Why not?', answers: [{ id: 'a3', label: 'Busy' }] },
];
const tags = [{ id: 't1', name: 'Voter', colour: 'green' as const, group: null, archived: false, createdAt: '', updatedAt: '', revision: 0 }];
const noop = () => {};
const show = (index: number, readonly = false) => {
  const placed = treeOrder(questions)[index]!;
  return render(QuestionEditor, {
    props: { placed, question: placed.question, questions, responses: [], tags, readonly, onAddAnswer: noop, onRemoveAnswer: noop, onAddFollowUp: noop, onRemove: noop },
  }).body;
};

describe('QuestionEditor', () => {
  it('shows a follow-up indented, saying which answer leads to it', () => {
    const body = show(1);
    expect(body).toContain('follow-up');
    expect(body).toContain('asked after “No” to “Will you vote?”');
  });

  it('offers a follow-up only for answers that lead nowhere yet, and the campaign’s tags', () => {
    const body = show(0);
    expect(body).toContain('Add a follow-up to “Yes”');
    expect(body).not.toContain('Add a follow-up to “No”');
    expect(body).toMatch(/<option value="t1"[^>]*>Voter<\/option>/);
    expect(body).toMatch(/<option value="q2"[^>]*>Question 2: Why not\?<\/option>/);
  });

  it('has no buttons when read-only', () => {
    expect(show(0, true)).not.toContain('<button');
  });
});
