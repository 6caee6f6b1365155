import { describe, expect, it } from 'vitest';
import { renewConfirmation, revokeConfirmation } from './invite-confirmations';
import { inviteKind, inviteName, invitePhrase } from './invite-names';
import { anInvite } from './invite-test-data';

describe('invite names', () => {
  it('call a link by its label when it has one, keeping the generic words for the line under it', () => {
    const labelled = anInvite({ label: 'Saturday phone bank', campaignId: 'c1' });
    expect(inviteName(labelled, 'GOTV')).toBe('Saturday phone bank');
    expect(inviteKind(labelled, 'GOTV')).toBe('Volunteer link for GOTV');
    expect(invitePhrase(labelled, 'GOTV')).toBe('the link “Saturday phone bank”');
  });

  it('fall back to what an unlabelled invite is for', () => {
    expect(inviteName(anInvite(), null)).toBe('Volunteer link');
    expect(inviteKind(anInvite(), null)).toBeNull();
    expect(invitePhrase(anInvite({ campaignId: 'c1' }), 'GOTV Weekend')).toBe('the volunteer link for GOTV Weekend');
    expect(invitePhrase(anInvite({ kind: 'named', role: 'auditor', email: 'aud@example.org' }), null)).toBe('the auditor invite for aud@example.org');
  });
});

describe('invite confirmations', () => {
  it('before renewing, say the old link dies at once and how many joined with it', () => {
    const asked = renewConfirmation(anInvite({ uses: 3 }), 'the link “Saturday phone bank”');
    expect(asked.title).toBe('Make a new link for the link “Saturday phone bank”?');
    expect(asked.consequence).toContain('The current link stops working at once');
    expect(asked.consequence).toContain('3 people joined with it; they stay members.');
    expect(asked.confirmLabel).toBe('Make new link');
    expect(renewConfirmation(anInvite({ uses: 1 }), 'x').consequence).toContain('1 person joined with it');
  });

  it('before revoking, say it is final', () => {
    const asked = revokeConfirmation(anInvite(), 'the volunteer link');
    expect(asked.title).toBe('Revoke the volunteer link?');
    expect(asked.consequence).toContain('Nobody has joined with it yet.');
    expect(asked.consequence).toContain('cannot be reopened');
  });
});
