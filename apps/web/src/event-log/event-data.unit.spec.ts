import { describe, expect, it } from 'vitest';
import { compactJson, prettyJson } from './event-data';

describe('event data', () => {
  it('fits on one line, cut with an ellipsis when long', () => {
    expect(compactJson({ a: 1, b: [2] })).toBe('{"a":1,"b":[2]}');
    const long = compactJson({ text: 'x'.repeat(200) }, 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });

  it('shows nothing for events without data rather than "undefined"', () => {
    expect(compactJson(undefined)).toBe('');
    expect(prettyJson(undefined)).toBe('');
  });
});
