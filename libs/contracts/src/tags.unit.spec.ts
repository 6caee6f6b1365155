import { describe, expect, it } from 'vitest';
import { ChangeTagRequest, ChooseCampaignTagsRequest, CreateTagRequest, TAG_PALETTE } from './tags.js';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('tag schemas', () => {
  it.each(Object.entries(TAG_PALETTE))('%s (%s) carries white text at 4.5:1 or more', (_name, hex) => {
    expect(1.05 / (luminance(hex) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('takes palette colours only, and normalises names', () => {
    expect(CreateTagRequest.parse({ name: '  Wrong   number ', colour: 'red' })).toEqual({ name: 'Wrong number', colour: 'red' });
    expect(CreateTagRequest.safeParse({ name: 'x', colour: '#ff0000' }).error?.issues[0]?.path).toEqual(['colour']);
  });

  it('an edit changes something; a group can be cleared', () => {
    expect(ChangeTagRequest.safeParse({ expectedRevision: 0 }).success).toBe(false);
    expect(ChangeTagRequest.parse({ expectedRevision: 0, group: null })).toEqual({ expectedRevision: 0, group: null });
  });

  it('a campaign names each tag once', () => {
    const id = '0195f5a0-0000-7000-8000-000000000001';
    expect(ChooseCampaignTagsRequest.safeParse({ expectedRevision: -1, tagIds: [id, id] }).error?.issues[0]?.message).toBe('must not name a tag twice');
  });
});
