import { describe, expect, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { MAX_TAGS_IN_USE, tagsDecider } from './tag-decider.js';
import type { TagCreated, TagEvent } from './tag-events.js';
import { tagNameKey } from './tag-name.js';

const now = '2026-11-28T12:00:00.000Z';
const spec = specify(tagsDecider);
const created = (tagId: string, name: string, group?: string): TagCreated => ({
  type: 'TagCreated',
  data: { tagId, organizationId: 'o1', name, colour: 'blue', ...(group && { group }), createdAt: now },
});
const archived = (tagId: string): TagEvent => ({ type: 'TagArchived', data: { tagId, archivedAt: now } });

describe('tags decider', () => {
  it('creates a tag, with or without a group', () => {
    spec.given([]).when({ type: 'CreateTag', tagId: 't1', organizationId: 'o1', name: 'Wrong number', colour: 'blue', now }).then([created('t1', 'Wrong number')]);
    spec
      .given([])
      .when({ type: 'CreateTag', tagId: 't1', organizationId: 'o1', name: 'Yes', colour: 'blue', group: 'Outcome', now })
      .then([created('t1', 'Yes', 'Outcome')]);
  });

  it('refuses a name already in use, whatever its case', () => {
    for (const name of ['Wrong number', 'WRONG NUMBER', 'wrong Number']) {
      spec.given([created('t1', 'Wrong number')]).when({ type: 'CreateTag', tagId: 't2', organizationId: 'o1', name, colour: 'red', now }).thenRejects('conflict', /already a tag named “Wrong number”/);
    }
    expect(tagNameKey('Straße')).toBe(tagNameKey('STRASSE'));
  });

  it('frees the name of an archived tag', () => {
    spec.given([created('t1', 'Lead'), archived('t1')]).when({ type: 'CreateTag', tagId: 't2', organizationId: 'o1', name: 'lead', colour: 'red', now }).then([
      { type: 'TagCreated', data: { tagId: 't2', organizationId: 'o1', name: 'lead', colour: 'red', createdAt: now } },
    ]);
  });

  it('refuses the same tag id twice', () => {
    spec.given([created('t1', 'A')]).when({ type: 'CreateTag', tagId: 't1', organizationId: 'o1', name: 'B', colour: 'red', now }).thenRejects('conflict');
  });

  it('renames (a change of case alone too), refusing another tag’s name', () => {
    spec.given([created('t1', 'lead')]).when({ type: 'ChangeTag', tagId: 't1', name: 'Lead', now }).then([
      { type: 'TagRenamed', data: { tagId: 't1', from: 'lead', to: 'Lead', renamedAt: now } },
    ]);
    spec.given([created('t1', 'Lead'), created('t2', 'Maybe')]).when({ type: 'ChangeTag', tagId: 't2', name: 'LEAD', now }).thenRejects('conflict', /already/);
  });

  it('a renamed tag gives its old name back', () => {
    const renamed: TagEvent = { type: 'TagRenamed', data: { tagId: 't1', from: 'Old', to: 'New', renamedAt: now } };
    spec.given([created('t1', 'Old'), renamed]).when({ type: 'CreateTag', tagId: 't2', organizationId: 'o1', name: 'old', colour: 'red', now }).then([
      { type: 'TagCreated', data: { tagId: 't2', organizationId: 'o1', name: 'old', colour: 'red', createdAt: now } },
    ]);
    spec.given([created('t1', 'Old'), renamed]).when({ type: 'CreateTag', tagId: 't2', organizationId: 'o1', name: 'NEW', colour: 'red', now }).thenRejects('conflict');
  });

  it('recolours and regroups, recording only what changed', () => {
    spec.given([created('t1', 'Yes', 'Outcome')]).when({ type: 'ChangeTag', tagId: 't1', name: 'Yes', colour: 'green', group: null, now }).then([
      { type: 'TagRecoloured', data: { tagId: 't1', from: 'blue', to: 'green', recolouredAt: now } },
      { type: 'TagRegrouped', data: { tagId: 't1', from: 'Outcome', regroupedAt: now } },
    ]);
    spec.given([created('t1', 'Yes')]).when({ type: 'ChangeTag', tagId: 't1', group: 'Vote', now }).then([
      { type: 'TagRegrouped', data: { tagId: 't1', to: 'Vote', regroupedAt: now } },
    ]);
    spec.given([created('t1', 'Yes', 'Vote')]).when({ type: 'ChangeTag', tagId: 't1', colour: 'blue', group: 'Vote', now }).then([]);
  });

  it('checks the tag’s own version, so edits to other tags never make an editor stale', () => {
    const recoloured: TagEvent = { type: 'TagRecoloured', data: { tagId: 't1', from: 'blue', to: 'red', recolouredAt: now } };
    const history = [created('t1', 'A'), created('t2', 'B'), recoloured];
    spec.given(history).when({ type: 'ChangeTag', tagId: 't2', name: 'B2', expectedVersion: 0, now }).then([
      { type: 'TagRenamed', data: { tagId: 't2', from: 'B', to: 'B2', renamedAt: now } },
    ]);
    spec.given(history).when({ type: 'ChangeTag', tagId: 't1', name: 'A2', expectedVersion: 0, now }).thenRejects('conflict', /Expected revision 0, but it is at 1/);
    spec.given(history).when({ type: 'ArchiveTag', tagId: 't1', expectedVersion: 1, now }).then([archived('t1')]);
  });

  it('archives once; an archived tag no longer changes; unknown tags are not found', () => {
    spec.given([created('t1', 'A')]).when({ type: 'ArchiveTag', tagId: 't1', now }).then([archived('t1')]);
    spec.given([created('t1', 'A'), archived('t1')]).when({ type: 'ArchiveTag', tagId: 't1', now }).then([]);
    spec.given([created('t1', 'A'), archived('t1')]).when({ type: 'ChangeTag', tagId: 't1', name: 'B', now }).thenRejects('conflict', /archived/);
    spec.given([]).when({ type: 'ChangeTag', tagId: 't9', name: 'B', now }).thenRejects('not_found');
    spec.given([]).when({ type: 'ArchiveTag', tagId: 't9', now }).thenRejects('not_found');
  });

  it(`keeps at most ${MAX_TAGS_IN_USE} tags in use`, () => {
    const full = Array.from({ length: MAX_TAGS_IN_USE }, (_, i) => created(`t${i}`, `Tag ${i}`));
    spec.given(full).when({ type: 'CreateTag', tagId: 'x', organizationId: 'o1', name: 'One more', colour: 'red', now }).thenRejects('conflict', /at most/);
    spec.given([...full, archived('t0')]).when({ type: 'CreateTag', tagId: 'x', organizationId: 'o1', name: 'One more', colour: 'red', now }).then([
      { type: 'TagCreated', data: { tagId: 'x', organizationId: 'o1', name: 'One more', colour: 'red', createdAt: now } },
    ]);
  });
});
