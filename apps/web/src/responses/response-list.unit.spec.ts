import { describe, expect, it } from 'vitest';
import type { CannedResponseView } from '@textbank/contracts';
import { inOrder, inScreenOrder, moveResponse, searchResponses } from './response-list';

const response = (responseId: string, title: string, body = ''): CannedResponseView => ({
  responseId, campaignId: 'c1', title, body, version: 1, rank: 0, updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: { id: 'p1', kind: 'person', name: 'Maria' },
});

describe('moveResponse', () => {
  it('swaps with the neighbour, and leaves the ends alone', () => {
    expect(moveResponse(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveResponse(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveResponse(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveResponse(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveResponse(['a'], 'x', 1)).toEqual(['a']);
  });
});

describe('inOrder', () => {
  it('reorders and renumbers ranks', () => {
    const list = inOrder([response('a', 'A'), response('b', 'B')], ['b', 'a']);
    expect(list.map((r) => [r.responseId, r.rank])).toEqual([['b', 0], ['a', 1]]);
  });
});

describe('inScreenOrder', () => {
  it('keeps the order on screen and takes the pushed contents; a different set is taken as pushed', () => {
    const onScreen = [response('b', 'B'), response('a', 'A')];
    const stale = [response('a', 'A edited by someone else'), response('b', 'B')];
    expect(inScreenOrder(stale, onScreen).map((r) => [r.responseId, r.title, r.rank])).toEqual([['b', 'B', 0], ['a', 'A edited by someone else', 1]]);
    const grown = [response('a', 'A'), response('b', 'B'), response('c', 'C')];
    expect(inScreenOrder(grown, onScreen).map((r) => r.responseId)).toEqual(['a', 'b', 'c']);
    expect(inScreenOrder([response('a', 'A'), response('c', 'C')], onScreen).map((r) => r.responseId)).toEqual(['a', 'c']);
  });
});

describe('searchResponses', () => {
  const list = [response('a', 'Wrong number', 'Sorry to bother you'), response('b', 'Polling place', 'Your polling place is the Café on Main')];

  it('finds titles and bodies ignoring case and accents, every word', () => {
    expect(searchResponses(list, 'WRONG').map((r) => r.responseId)).toEqual(['a']);
    expect(searchResponses(list, 'cafe main').map((r) => r.responseId)).toEqual(['b']);
    expect(searchResponses(list, 'cafe wrong')).toEqual([]);
    expect(searchResponses(list, '  ')).toHaveLength(2);
  });
});
