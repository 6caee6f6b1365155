import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import type { TextFacts } from '../script/script-text-rules.js';
import { cannedResponseDecider, MAX_CANNED_RESPONSES, type CannedResponseCommand } from './canned-response-decider.js';
import type { CannedResponseCreated, CannedResponseEvent } from './canned-response-events.js';

const now = '2026-11-28T12:00:00.000Z';
const allowed = ['firstName', 'lastName', 'texterFirstName'];
const plain: TextFacts = { mergeFields: [], braceMistakes: [], segments: 1 };
const base = { campaignId: 'c1', campaign: 'draft' as const, now };
const spec = specify(cannedResponseDecider);

const created = (responseId: string, title = `Title ${responseId}`, body = `Body ${responseId}`): CannedResponseCreated => ({
  type: 'CannedResponseCreated',
  data: { campaignId: 'c1', responseId, title, body, version: 1, createdAt: now },
});
const create = (responseId: string, facts: TextFacts = plain): CannedResponseCommand => ({
  ...base, type: 'CreateCannedResponse', responseId, title: 'Where to vote', body: 'At {polling_place}', bodyFacts: facts, allowedMergeFields: allowed,
});
const edit = (changes: Partial<Extract<CannedResponseCommand, { type: 'EditCannedResponse' }>>): CannedResponseCommand => ({
  ...base, type: 'EditCannedResponse', responseId: 'r1', allowedMergeFields: allowed, ...changes,
});

describe('canned response decider', () => {
  it('creates a response at version 1', () => {
    spec.given([]).when(create('r1')).then([
      { type: 'CannedResponseCreated', data: { campaignId: 'c1', responseId: 'r1', title: 'Where to vote', body: 'At {polling_place}', version: 1, createdAt: now } },
    ]);
  });

  it('refuses a body with an unknown merge field, naming it', () => {
    spec
      .given([])
      .when(create('r1', { ...plain, mergeFields: [{ name: 'polling_place', start: 3, end: 18 }] }))
      .thenRejects('invalid', /Unknown merge field \{polling_place\} at characters 4-18/);
  });

  it(`keeps at most ${MAX_CANNED_RESPONSES} responses`, () => {
    const many = Array.from({ length: MAX_CANNED_RESPONSES }, (_, i) => created(`r${i}`));
    spec.given(many).when(create('one-more')).thenRejects('invalid', /at most 100/);
  });

  it('records only what an edit changed, with the next version', () => {
    spec
      .given([created('r1')])
      .when(edit({ title: 'Title r1', body: 'New body', bodyFacts: plain, expectedVersion: 1 }))
      .then([{ type: 'CannedResponseEdited', data: { campaignId: 'c1', responseId: 'r1', version: 2, body: 'New body', editedAt: now } }]);
  });

  it('records nothing for an edit that changes nothing', () => {
    spec.given([created('r1')]).when(edit({ title: 'Title r1', body: 'Body r1', bodyFacts: plain })).then([]);
  });

  it('a stale version is a conflict on expectedVersion', () => {
    const edited: CannedResponseEvent = { type: 'CannedResponseEdited', data: { campaignId: 'c1', responseId: 'r1', version: 2, title: 'B', editedAt: now } };
    spec.given([created('r1'), edited]).when(edit({ title: 'C', expectedVersion: 1 })).thenRejects('conflict', /Expected version 1, but it is at 2/);
    spec.given([created('r1'), edited]).when({ ...base, type: 'DeleteCannedResponse', responseId: 'r1', expectedVersion: 1 }).thenRejects('conflict');
  });

  it('reorders with the whole list, and refuses a list that changed meanwhile', () => {
    const given = [created('a'), created('b'), created('c')];
    spec.given(given).when({ ...base, type: 'ReorderCannedResponses', order: ['c', 'a', 'b'] }).then([
      { type: 'CannedResponsesReordered', data: { campaignId: 'c1', order: ['c', 'a', 'b'], reorderedAt: now } },
    ]);
    spec.given(given).when({ ...base, type: 'ReorderCannedResponses', order: ['a', 'b', 'c'] }).then([]);
    for (const order of [['c', 'a'], ['c', 'a', 'b', 'd'], ['a', 'a', 'b']]) {
      spec.given(given).when({ ...base, type: 'ReorderCannedResponses', order }).thenRejects('conflict', /every canned response once/);
    }
  });

  it('deletes, and a deleted response is gone from the order', () => {
    const deleted: CannedResponseEvent = { type: 'CannedResponseDeleted', data: { campaignId: 'c1', responseId: 'a', deletedAt: now } };
    spec.given([created('a'), created('b')]).when({ ...base, type: 'DeleteCannedResponse', responseId: 'a' }).then([deleted]);
    spec.given([created('a'), created('b'), deleted]).when({ ...base, type: 'ReorderCannedResponses', order: ['b'] }).then([]);
    spec.given([created('a'), deleted]).when({ ...base, type: 'DeleteCannedResponse', responseId: 'a' }).thenRejects('not_found');
    spec.given([created('a'), deleted]).when(edit({ responseId: 'a', title: 'x' })).thenRejects('not_found');
  });

  it('needs the campaign, and leaves an archived one as it was', () => {
    spec.given([]).when({ ...create('r1'), campaign: 'none' } as CannedResponseCommand).thenRejects('not_found');
    spec.given([created('r1')]).when(edit({ campaign: 'archived', title: 'x' })).thenRejects('conflict');
  });

  it('a retried create of the same id is a conflict for the decider (the executor answers retries before it)', () => {
    spec.given([created('r1')]).when(create('r1')).thenRejects('conflict');
  });
});
