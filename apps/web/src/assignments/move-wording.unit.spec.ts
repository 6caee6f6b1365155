import { describe, expect, it } from 'vitest';
import { moveDone, movePreview, type MovePlan } from './move-wording';

const plan: MovePlan = { fromName: 'Vera Volunteer', toName: 'Victor Volunteer', view: 'all', tagName: null };

describe('movePreview', () => {
  it('says how many move, from whom to whom', () => {
    expect(movePreview(plan, 3)).toBe('This moves 3 conversations from Vera Volunteer to Victor Volunteer.');
    expect(movePreview(plan, 1)).toBe('This moves 1 conversation from Vera Volunteer to Victor Volunteer.');
  });

  it('names the status and the tag chosen', () => {
    expect(movePreview({ ...plan, view: 'needs_reply', tagName: 'Voting' }, 2)).toBe('This moves 2 conversations in “Needs reply” tagged “Voting” from Vera Volunteer to Victor Volunteer.');
  });

  it('says where conversations moved to nobody go: the pool for untexted ones, the admin queue for the rest', () => {
    const nobody = { ...plan, toName: null };
    expect(movePreview({ ...nobody, view: 'needs_first_text' }, 4)).toBe('This moves 4 conversations in “Needs first text” from Vera Volunteer to nobody: they go back to the pool for anyone to text.');
    expect(movePreview({ ...nobody, view: 'waiting' }, 2)).toMatch(/to nobody: they wait in the admin queue/);
    expect(movePreview(nobody, 6)).toMatch(/untexted ones go back to the pool, texted ones wait in the admin queue/);
  });

  it('says plainly when there is nothing to move', () => {
    expect(movePreview({ ...plan, view: 'closed', tagName: 'Voting' }, 0)).toBe('Vera Volunteer has no conversations in “Closed” tagged “Voting”: nothing to move.');
  });
});

describe('moveDone', () => {
  it('says what moved, and fewer than previewed when some changed meanwhile', () => {
    expect(moveDone(plan, 3, 3)).toBe('Moved 3 conversations from Vera Volunteer to Victor Volunteer.');
    expect(moveDone({ ...plan, toName: null }, 3, 2)).toBe('Moved 2 of 3 conversations from Vera Volunteer to nobody.');
  });
});
