import { render } from 'svelte/server';
import { TAG_PALETTE } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import TagChip from './TagChip.svelte';

describe('TagChip', () => {
  it('draws the tag in its palette colour and says when it is archived', () => {
    const active = render(TagChip, { props: { tag: { name: 'Wrong number', colour: 'red', archived: false } } }).body;
    expect(active).toContain(`background-color: ${TAG_PALETTE.red}`);
    expect(active).toContain('Wrong number');
    const archived = render(TagChip, { props: { tag: { name: 'Old', colour: 'grey', archived: true } } }).body;
    expect(archived).toContain('(archived)');
  });
});
