import { describe, expect, it } from 'vitest';
import { prettyJson } from './event-data';

describe('event data', () => {
  it('is indented JSON', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });

  it('shows nothing for events without data rather than "undefined"', () => {
    expect(prettyJson(undefined)).toBe('');
  });
});
