import { describe, expect, it } from 'vitest';
import { aPerson } from '../people/people-test-data';
import { texterChoices } from './texter-choices';

describe('texterChoices', () => {
  it('offers active members who text, by name, leaving out whoever holds the conversation', () => {
    const people = [
      aPerson({ id: 'z', name: 'Zoe Volunteer', role: 'volunteer' }),
      aPerson({ id: 'a', name: 'Ana Admin', role: 'admin' }),
      aPerson({ id: 'u', name: 'Uma Auditor', role: 'auditor' }),
      aPerson({ id: 's', name: 'Sam Suspended', role: 'volunteer', status: 'suspended' }),
      aPerson({ id: 'h', name: 'Hal Holder', role: 'volunteer' }),
    ];
    expect(texterChoices(people, 'h').map((p) => p.name)).toEqual(['Ana Admin', 'Zoe Volunteer']);
  });
});
