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

  it('offers a password reset link to owners and admins, for active people only, and never to an admin for an owner', () => {
    expect(actionsOn(admin, aPerson())?.resetLink).toBe(true);
    expect(actionsOn(owner, aPerson({ role: 'owner' }))?.resetLink).toBe(true);
    expect(actionsOn(admin, aPerson({ role: 'owner' }))).toBeNull();
    expect(actionsOn(owner, aPerson({ status: 'suspended' }))?.resetLink).toBe(false);
  });

  it('lets only owners change an email, and remove only someone known never to have signed in', () => {
    expect(actionsOn(owner, aPerson())?.changeEmail).toBe(true);
    expect(actionsOn(admin, aPerson())?.changeEmail).toBe(false);
    expect(actionsOn(owner, aPerson({ signedIn: false }))?.remove).toBe(true);
    expect(actionsOn(owner, aPerson({ signedIn: true }))?.remove).toBe(false);
    // A live update leaves signedIn out: unknown is not "never".
    expect(actionsOn(owner, aPerson({ signedIn: undefined }))?.remove).toBe(false);
    expect(actionsOn(admin, aPerson({ signedIn: false }))?.remove).toBe(false);
  });

  it('offers auditors and volunteers nothing', () => {
    expect(actionsOn(auditor, aPerson())).toBeNull();
    expect(actionsOn({ id: 'v', role: 'volunteer' }, aPerson())).toBeNull();
    expect(canManagePeople('auditor')).toBe(false);
  });
});
