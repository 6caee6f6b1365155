import { describe, expect, it } from 'vitest';
import { textersOf } from './phone-texters';

describe('textersOf', () => {
  it('follows whoever texted the number, most recent first, each once, never a reply', () => {
    expect(textersOf([{ texterId: 'a' }, { texterId: null }, { texterId: 'b' }, { texterId: 'a' }])).toEqual(['texter:a', 'texter:b']);
  });

  it('stays within the ten topics a sync may follow', () => {
    expect(textersOf(Array.from({ length: 15 }, (_, n) => ({ texterId: `t${n}` })))).toHaveLength(10);
  });
});
