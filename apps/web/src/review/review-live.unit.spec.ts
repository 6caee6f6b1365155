import { describe, expect, it } from 'vitest';
import { aConversation } from '../inbox/inbox-test-data';
import { NO_REVIEW_FILTER, type ReviewFilter } from './review-filter';
import { applyReviewChange, liveTopic } from './review-live';

const ana: ReviewFilter = { ...NO_REVIEW_FILTER, texterId: 'ana' };
const change = (overrides: Parameters<typeof aConversation>[0]) => ({ conversation: aConversation({ texterId: 'ana', campaignId: 'c1', ...overrides }), message: null, previousTexterId: null });

describe('liveTopic', () => {
  it('follows one chosen texter, or the whole campaign for anyone and nobody; nothing for an error code a change cannot tell', () => {
    expect(liveTopic(ana, 'c1')).toBe('texter:ana');
    expect(liveTopic(NO_REVIEW_FILTER, 'c1')).toBe('review:c1');
    expect(liveTopic({ ...ana, texterId: 'none' }, 'c1')).toBe('review:c1');
    expect(liveTopic({ ...ana, errorCode: '30007' }, 'c1')).toBeNull();
  });
});

describe('applyReviewChange', () => {
  it('puts the texter’s changed conversation of this campaign on top', () => {
    const list = [aConversation({ contactId: 'k0', texterId: 'ana' })];
    expect(applyReviewChange(list, change({ contactId: 'k1' }), 'c1', ana).map((c) => c.contactId)).toEqual(['k1', 'k0']);
  });

  it('leaves out another campaign’s conversation, and one without the tag or answer asked for', () => {
    expect(applyReviewChange([], change({ campaignId: 'c2' }), 'c1', ana)).toEqual([]);
    const tagged = { ...ana, tagId: 't1' };
    expect(applyReviewChange([], change({ tags: ['t2'] }), 'c1', tagged)).toEqual([]);
    expect(applyReviewChange([], change({ tags: ['t1'] }), 'c1', tagged)).toHaveLength(1);
    const answered = { ...ana, questionId: 'vote', answerId: 'yes' };
    expect(applyReviewChange([], change({ answers: [{ questionId: 'vote', answerId: 'no' }] }), 'c1', answered)).toEqual([]);
    expect(applyReviewChange([], change({ answers: [{ questionId: 'vote', answerId: 'yes' }] }), 'c1', answered)).toHaveLength(1);
  });

  it('drops a row whose tag came off, or that moved to someone else', () => {
    const list = [aConversation({ contactId: 'k1', texterId: 'ana', campaignId: 'c1', tags: ['t1'] })];
    expect(applyReviewChange(list, change({ contactId: 'k1', tags: [] }), 'c1', { ...ana, tagId: 't1' })).toEqual([]);
    expect(applyReviewChange(list, change({ contactId: 'k1', texterId: 'ben' }), 'c1', ana)).toEqual([]);
  });

  it('for anyone, a change of any texter’s conversation comes on top; for nobody, only one nobody holds', () => {
    const anyone = NO_REVIEW_FILTER;
    expect(applyReviewChange([], change({ contactId: 'k1', texterId: 'ben' }), 'c1', anyone).map((c) => c.contactId)).toEqual(['k1']);
    const nobody = { ...NO_REVIEW_FILTER, texterId: 'none' };
    expect(applyReviewChange([], change({ contactId: 'k1', texterId: null }), 'c1', nobody).map((c) => c.contactId)).toEqual(['k1']);
    const queued = [aConversation({ contactId: 'k1', texterId: null, campaignId: 'c1' })];
    expect(applyReviewChange(queued, change({ contactId: 'k1', texterId: 'ben' }), 'c1', nobody)).toEqual([]);
  });
});
