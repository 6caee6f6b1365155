import { describe, expect, it } from 'vitest';
import { anInvite } from '../invites/invite-test-data';
import { revokeConfirmation } from '../invites/invite-confirmations';
import { removalConfirmation, roleChangeConfirmation, suspensionConfirmation } from './person-confirmations';

describe('confirmations of risky changes', () => {
  it('name the person, both roles and what the new role allows', () => {
    const asked = roleChangeConfirmation({ name: 'Sam Texter', role: 'volunteer' }, 'owner');
    expect(asked.title).toBe("Change Sam Texter's role from volunteer to owner?");
    expect(asked.consequence).toContain('only an owner can take the role back');
    expect(asked.confirmLabel).toBe('Make owner');
  });

  it('say a suspension signs the person out everywhere', () => {
    const asked = suspensionConfirmation({ name: 'Sam Texter' });
    expect(asked.title).toBe('Suspend Sam Texter?');
    expect(asked.consequence).toMatch(/signed out everywhere/);
  });

  it('say how many joined through a link before it is revoked, and that it is final', () => {
    const asked = revokeConfirmation(anInvite({ uses: 41 }), 'the volunteer link for GOTV Weekend');
    expect(asked.title).toBe('Revoke the volunteer link for GOTV Weekend?');
    expect(asked.consequence).toContain('41 people joined with it; they stay members.');
    expect(asked.consequence).toContain('cannot be reopened');
    expect(revokeConfirmation(anInvite({ uses: 1 }), 'the volunteer link').consequence).toContain('1 person joined');
    expect(revokeConfirmation(anInvite({ uses: 0 }), 'the volunteer link').consequence).toContain('Nobody has joined');
  });

  it('before removing someone, name them and say their email is free again', () => {
    const asked = removalConfirmation({ name: 'Nell Newcomer', email: 'nell@example.org' });
    expect(asked.title).toBe('Remove Nell Newcomer?');
    expect(asked.consequence).toContain('never signed in');
    expect(asked.consequence).toContain('nell@example.org is free to join or be invited again');
  });
});
