import { describe, expect, it } from 'vitest';
import type { TagView } from '@textbank/contracts';
import { groupNames, groupTags, tagChanges, upsertTag } from './tag-groups';

const tag = (id: string, name: string, group: string | null, extra: Partial<TagView> = {}): TagView => ({
  id, name, colour: 'blue', group, archived: false, createdAt: '', updatedAt: '', revision: 0, ...extra,
});

describe('groupTags', () => {
  it('lists groups by name with ungrouped tags last, tags by name', () => {
    const groups = groupTags([tag('1', 'wrong number', null), tag('2', 'Yes', 'Outcome'), tag('3', 'maybe', 'Outcome'), tag('4', 'Host', 'Volunteer interest')]);
    expect(groups.map((g) => [g.name, g.tags.map((t) => t.name)])).toEqual([
      ['Outcome', ['maybe', 'Yes']],
      ['Volunteer interest', ['Host']],
      ['', ['wrong number']],
    ]);
  });
});

describe('upsertTag', () => {
  it('adds new tags and replaces older ones, never with an older revision', () => {
    const list = [tag('1', 'A', null, { revision: 2 })];
    expect(upsertTag(list, tag('2', 'B', null)).map((t) => t.id)).toEqual(['1', '2']);
    expect(upsertTag(list, tag('1', 'A2', null, { revision: 3 }))[0]!.name).toBe('A2');
    expect(upsertTag(list, tag('1', 'old', null, { revision: 1 }))[0]!.name).toBe('A');
  });
});

describe('groupNames', () => {
  it('offers each group of an active tag once', () => {
    expect(groupNames([tag('1', 'a', 'Outcome'), tag('2', 'b', 'Outcome'), tag('3', 'c', 'Gone', { archived: true }), tag('4', 'd', null)])).toEqual(['Outcome']);
  });
});

describe('tagChanges', () => {
  it('sends only what changed; an emptied group ungroups', () => {
    const before = { name: 'Yes', colour: 'green' as const, group: 'Outcome' };
    expect(tagChanges(before, { name: 'Yes', colour: 'green', group: 'Outcome' })).toBeNull();
    expect(tagChanges(before, { name: ' Yes! ', colour: 'green', group: 'Outcome' })).toEqual({ name: 'Yes!' });
    expect(tagChanges(before, { name: 'Yes', colour: 'teal', group: '' })).toEqual({ colour: 'teal', group: null });
  });
});
