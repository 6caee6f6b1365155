import { describe, expect, it } from 'vitest';
import { linkedPhrase } from './linked-phrase';

describe('linkedPhrase', () => {
  it('cuts the message around the words, whatever their case', () => {
    expect(linkedPhrase('Taken; Sign in instead.', 'sign in instead')).toEqual({ before: 'Taken; ', linked: 'Sign in instead', after: '.' });
  });

  it('leaves the link to follow the message when the words are not in it', () => {
    expect(linkedPhrase('That email is taken.', 'sign in instead')).toEqual({ before: 'That email is taken. ', linked: '', after: '' });
  });

  it('keeps the message whole when there is nothing to link', () => {
    expect(linkedPhrase('Name is required.', '')).toEqual({ before: 'Name is required.', linked: '', after: '' });
  });
});
