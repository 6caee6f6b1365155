import { describe, expect, it } from 'vitest';
import { anInvite } from './invite-test-data';
import { newestInviteFirst, shownStatus, usesText } from './invite-status';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('shownStatus', () => {
  it('shows an open link whose expiry passed while on screen as expired', () => {
    expect(shownStatus(anInvite({ expiresAt: '2025-06-01T11:59:59Z' }), now)).toBe('expired');
    expect(shownStatus(anInvite({ expiresAt: '2025-06-01T12:00:01Z' }), now)).toBe('open');
  });

  it("keeps the server's word for links that are no longer open", () => {
    expect(shownStatus(anInvite({ status: 'revoked', expiresAt: '2025-06-01T11:00:00Z' }), now)).toBe('revoked');
    expect(shownStatus(anInvite({ status: 'used-up' }), now)).toBe('used-up');
  });
});

describe('usesText', () => {
  it('shows uses against the maximum, or that there is none', () => {
    expect(usesText(anInvite({ uses: 3, maxUses: 50 }))).toBe('3 / 50');
    expect(usesText(anInvite({ uses: 3, maxUses: null }))).toBe('3 / no limit');
  });
});

describe('newestInviteFirst', () => {
  it('puts the latest invite first', () => {
    const invites = [anInvite({ id: 'old', createdAt: '2025-01-01T00:00:00Z' }), anInvite({ id: 'new', createdAt: '2025-02-01T00:00:00Z' })];
    expect(invites.sort(newestInviteFirst).map((invite) => invite.id)).toEqual(['new', 'old']);
  });
});
