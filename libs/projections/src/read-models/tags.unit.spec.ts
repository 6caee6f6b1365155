import type { AnyDomainEvent } from '@textbank/domain';
import { describe, expect, it } from 'vitest';
import { projectorSpec } from '../projector.spec-helpers.js';
import { findTags, listTags, tagChangesSince, tagsProjector } from './tags.js';

const at = '2026-11-28T12:00:00.000Z';
const later = '2026-11-28T13:00:00.000Z';
const stream = 'tags-o1';
const created = (tagId: string, name: string, group?: string): [string, AnyDomainEvent] => [
  stream,
  { type: 'TagCreated', data: { tagId, organizationId: 'o1', name, colour: 'blue', ...(group && { group }), createdAt: at } },
];

describe('tags read model', () => {
  it('lists tags in use by group and name, archived last, each with its own revision', () => {
    const spec = projectorSpec(tagsProjector);
    spec.given(
      created('t1', 'wrong number'),
      created('t2', 'Yes', 'Vote'),
      created('t3', 'Lead'),
      [stream, { type: 'TagRecoloured', data: { tagId: 't2', from: 'blue', to: 'green', recolouredAt: later } }],
      [stream, { type: 'TagArchived', data: { tagId: 't1', archivedAt: later } }],
    );
    expect(listTags(spec.db).map((t) => [t.name, t.group, t.colour, t.archived, t.revision])).toEqual([
      ['Lead', null, 'blue', false, 0],
      ['Yes', 'Vote', 'green', false, 1],
      ['wrong number', null, 'blue', true, 1],
    ]);
  });

  it('renames and regroups, announcing the tag as it now is under "tags"', () => {
    const spec = projectorSpec(tagsProjector);
    spec.given(created('t1', 'Old', 'G'));
    const changes = spec.given(
      [stream, { type: 'TagRenamed', data: { tagId: 't1', from: 'Old', to: 'New', renamedAt: later } }],
      [stream, { type: 'TagRegrouped', data: { tagId: 't1', from: 'G', regroupedAt: later } }],
    );
    expect(changes.map((c) => [c.kind, c.topic, c.position])).toEqual([
      ['tag.upserted', 'tags', '200'],
      ['tag.upserted', 'tags', '300'],
    ]);
    expect(findTags(spec.db, ['t1', 'missing'])).toEqual([
      { id: 't1', name: 'New', colour: 'blue', group: null, archived: false, createdAt: at, updatedAt: later, revision: 2 },
    ]);
    expect(tagChangesSince(spec.db, 200n).map((c) => c.position)).toEqual(['300']);
  });
});
