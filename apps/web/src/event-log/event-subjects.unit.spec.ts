import { describe, expect, it } from 'vitest';
import { nameBookOf } from './name-book';
import { subjectGroups, subjectLabel } from './event-subjects';

const names = nameBookOf([{ id: 'c2', name: 'Spring drive' }, { id: 'c1', name: 'GOTV Weekend' }], [{ id: 'p1', name: 'Sam' }]);

describe('subjectGroups', () => {
  it('offers kinds, then campaigns and people by name, sorted', () => {
    const groups = subjectGroups(names, '');
    expect(groups.map((g) => g.label)).toEqual(['Kinds', 'Campaigns', 'People']);
    expect(groups[1]?.options).toEqual([{ value: 'campaign-c1', label: 'GOTV Weekend' }, { value: 'campaign-c2', label: 'Spring drive' }]);
    expect(groups[2]?.options).toEqual([{ value: 'person-p1', label: 'Sam' }]);
  });

  it('keeps a stream from a shared link pickable even when no list has it', () => {
    const groups = subjectGroups(names, 'invite-0b8a4f7e-3c1d');
    expect(groups[0]).toEqual({ label: 'From the link', options: [{ value: 'invite-0b8a4f7e-3c1d', label: 'invite 0b8a4f7e…' }] });
    expect(subjectGroups(names, 'campaign-c1')[0]?.label).toBe('Kinds');
  });
});

describe('subjectLabel', () => {
  it('names a stream filter in words', () => {
    expect(subjectLabel('campaign-c1', names)).toBe('GOTV Weekend');
    expect(subjectLabel('person-', names)).toBe('Any person');
  });
});
