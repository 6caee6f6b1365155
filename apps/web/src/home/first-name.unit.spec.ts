import { describe, expect, it } from 'vitest';
import { roleTitle, roleWithArticle } from '../format/role-words';
import { firstName } from './first-name';

describe('firstName', () => {
  it('greets by the first word of the name', () => {
    expect(firstName('Grace Brewster Hopper')).toBe('Grace');
    expect(firstName('  Ada   Lovelace ')).toBe('Ada');
    expect(firstName('Cher')).toBe('Cher');
  });
});

describe('role words', () => {
  it('picks the article by sound of the first letter', () => {
    expect(roleWithArticle('admin')).toBe('an admin');
    expect(roleWithArticle('auditor')).toBe('an auditor');
    expect(roleWithArticle('owner')).toBe('an owner');
    expect(roleWithArticle('volunteer')).toBe('a volunteer');
    expect(roleTitle('auditor')).toBe('Auditor');
  });
});
