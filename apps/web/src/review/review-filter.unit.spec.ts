import { describe, expect, it } from 'vitest';
import { answerChoice, isFiltered, NO_REVIEW_FILTER, readReviewFilter, reviewQuery, withAnswerChoice } from './review-filter';

const read = (query: string) => readReviewFilter(new URLSearchParams(query));

describe('readReviewFilter', () => {
  it('shows all conversations when the link asks for nothing', () => {
    expect(read('')).toEqual(NO_REVIEW_FILTER);
  });

  it('reads every filter, the admin queue included', () => {
    expect(read('view=needs_reply&search=maria&texterId=none&tagId=t1&questionId=vote&answerId=yes&errorCode=30007')).toEqual({
      view: 'needs_reply', search: 'maria', texterId: 'none', tagId: 't1', questionId: 'vote', answerId: 'yes', errorCode: '30007',
    });
  });

  it('shows all for an unknown view, and drops half a survey answer (the API would answer 400)', () => {
    expect(read('view=everything').view).toBe('all');
    expect(read('questionId=vote')).toMatchObject({ questionId: '', answerId: '' });
    expect(read('answerId=yes')).toMatchObject({ questionId: '', answerId: '' });
  });

  it('cuts values to the API’s limits, so a hand-edited link never fails', () => {
    expect(read(`errorCode=${'9'.repeat(60)}`).errorCode).toHaveLength(40);
    expect(read(`search=${'a'.repeat(150)}`).search).toHaveLength(100);
  });
});

describe('reviewQuery', () => {
  it('leaves out the default view and empty filters, and a survey answer only goes whole', () => {
    expect(Object.entries(reviewQuery(NO_REVIEW_FILTER)).filter(([, value]) => value !== '')).toEqual([]);
    expect(reviewQuery({ ...NO_REVIEW_FILTER, questionId: 'vote' })).toMatchObject({ questionId: '', answerId: '' });
    expect(reviewQuery({ ...NO_REVIEW_FILTER, view: 'closed', errorCode: 'opted_out' })).toMatchObject({ view: 'closed', errorCode: 'opted_out' });
  });
});

describe('the survey answer select', () => {
  it('holds question and answer as one value, and clears both with "any answer"', () => {
    const chosen = withAnswerChoice(NO_REVIEW_FILTER, 'vote:yes');
    expect(chosen).toMatchObject({ questionId: 'vote', answerId: 'yes' });
    expect(answerChoice(chosen)).toBe('vote:yes');
    expect(withAnswerChoice(chosen, '')).toMatchObject({ questionId: '', answerId: '' });
    expect(answerChoice(NO_REVIEW_FILTER)).toBe('');
  });
});

describe('isFiltered', () => {
  it('is true when anything but the view narrows the list', () => {
    expect(isFiltered({ ...NO_REVIEW_FILTER, view: 'closed' })).toBe(false);
    expect(isFiltered({ ...NO_REVIEW_FILTER, search: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_REVIEW_FILTER, texterId: 'none' })).toBe(true);
    expect(isFiltered({ ...NO_REVIEW_FILTER, errorCode: '30007' })).toBe(true);
  });
});
