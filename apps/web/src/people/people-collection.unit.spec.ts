import { describe, expect, it } from 'vitest';
import { mergePeople, upsertPerson } from './people-collection';
import { aPerson } from './people-test-data';

describe('upsertPerson', () => {
  it('adds a newcomer at the top: newest member first', () => {
    const early = aPerson({ id: 'a', joinedAt: '2025-01-01T00:00:00Z' });
    const newcomer = aPerson({ id: 'b', joinedAt: '2025-02-01T00:00:00Z' });
    expect(upsertPerson([early], newcomer).map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('replaces a person with a newer revision: a role change or a suspension shows in place', () => {
    const list = upsertPerson([aPerson({ revision: 1, role: 'volunteer' })], aPerson({ revision: 2, role: 'admin', status: 'suspended' }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ role: 'admin', status: 'suspended' });
  });

  it('never replaces a newer revision with an older one that arrived late', () => {
    const list = upsertPerson([aPerson({ revision: 3, role: 'auditor' })], aPerson({ revision: 2, role: 'volunteer' }));
    expect(list[0]?.role).toBe('auditor');
  });

  it('accepts the same revision again (a refreshed lastActiveAt comes without a new revision)', () => {
    const list = upsertPerson([aPerson({ revision: 1, lastActiveAt: null })], aPerson({ revision: 1, lastActiveAt: '2025-03-04T00:00:00Z' }));
    expect(list[0]?.lastActiveAt).toBe('2025-03-04T00:00:00Z');
  });

  it('keeps what the list said about signing in when a live update leaves it out', () => {
    const listed = aPerson({ id: 'a', signedIn: false, revision: 1 });
    const live = aPerson({ id: 'a', email: 'new@example.org', revision: 2 });
    expect(upsertPerson([listed], live)[0]).toMatchObject({ email: 'new@example.org', signedIn: false });
    expect(upsertPerson([listed], { ...live, signedIn: true })[0]?.signedIn).toBe(true);
  });

  it('does not change the list it was given', () => {
    const list = [aPerson({ id: 'a' })];
    upsertPerson(list, aPerson({ id: 'b' }));
    expect(list).toHaveLength(1);
  });
});

describe('mergePeople', () => {
  it('takes a fresh list without losing a live change it predates', () => {
    const shown = [aPerson({ id: 'a', revision: 5, role: 'admin' })];
    const fresh = [aPerson({ id: 'a', revision: 4, role: 'volunteer' }), aPerson({ id: 'b', name: 'New Person', joinedAt: '2025-04-01T00:00:00Z' })];
    const merged = mergePeople(shown, fresh);
    expect(merged.map((p) => [p.id, p.role])).toEqual([['b', 'volunteer'], ['a', 'admin']]);
  });

  it("drops someone taken off the roster: 'removed' arrives live only so the row goes", () => {
    const shown = [aPerson({ id: 'a', revision: 0 }), aPerson({ id: 'b', revision: 0 })];
    expect(upsertPerson(shown, aPerson({ id: 'a', revision: 1, status: 'removed' })).map((p) => p.id)).toEqual(['b']);
  });
});
