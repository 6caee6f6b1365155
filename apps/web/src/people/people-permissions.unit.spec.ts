import { describe, expect, it } from 'vitest';
import { actionsOn, canManagePeople } from './people-permissions';
import { aPerson } from './people-test-data';

const owner = { id: 'o', role: 'owner' as const };
const admin = { id: 'a', role: 'admin' as const };
const auditor = { id: 'u', role: 'auditor' as const };

describe('actionsOn', () => {
  it('lets an owner give any role, owner included', () => {
    expect(actionsOn(owner, aPerson({ role: 'volunteer' }))?.roles).toEqual(['owner', 'admin', 'volunteer', 'auditor']);
    expect(actionsOn(owner, aPerson({ id: 'o2', role: 'owner' }))).not.toBeNull();
  });

  it('lets an admin give every role but owner, and leaves owners alone', () => {
    expect(actionsOn(admin, aPerson({ role: 'auditor' }))?.roles).toEqual(['admin', 'volunteer', 'auditor']);
    expect(actionsOn(admin, aPerson({ role: 'owner' }))).toBeNull();
  });

  it('offers nobody actions on themselves', () => {
    expect(actionsOn(owner, aPerson({ id: 'o', role: 'owner' }))).toBeNull();
    expect(actionsOn(admin, aPerson({ id: 'a', role: 'admin' }))).toBeNull();
  });

  it('offers auditors and volunteers nothing', () => {
    expect(actionsOn(auditor, aPerson())).toBeNull();
    expect(actionsOn({ id: 'v', role: 'volunteer' }, aPerson())).toBeNull();
    expect(canManagePeople('auditor')).toBe(false);
  });
});
