import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { inviteDecider, type CreateInvite } from './invite-decider.js';

const now = '2026-11-28T12:00:00.000Z';
const later = '2026-12-05T12:00:00.000Z';
const create: CreateInvite = {
  type: 'CreateInvite',
  invite: { inviteId: 'i1', organizationId: 'o1', kind: 'volunteer', role: 'volunteer', expiresAt: later, maxUses: 500 },
  now,
};
const spec = specify(inviteDecider);

describe('invite decider', () => {
  it('creates a volunteer link that expires in the future', () => {
    spec.given([]).when(create).then([{ type: 'InviteCreated', data: { ...create.invite, createdAt: now } }]);
    spec.given([]).when({ ...create, invite: { ...create.invite, expiresAt: now } }).thenRejects('invalid', /future/);
  });

  it('a named invite needs an email; a volunteer link only makes volunteers', () => {
    spec.given([]).when({ ...create, invite: { ...create.invite, kind: 'named', role: 'admin' } }).thenRejects('invalid', /email/);
    spec.given([]).when({ ...create, invite: { ...create.invite, role: 'admin' } }).thenRejects('invalid', /volunteers/);
  });

  it('revokes once', () => {
    const created = { type: 'InviteCreated' as const, data: { ...create.invite, createdAt: now } };
    const revoked = { type: 'InviteRevoked' as const, data: { inviteId: 'i1', revokedAt: now } };
    spec.given([created]).when({ type: 'RevokeInvite', inviteId: 'i1', now }).then([revoked]);
    spec.given([created, revoked]).when({ type: 'RevokeInvite', inviteId: 'i1', now }).then([]);
    spec.given([]).when({ type: 'RevokeInvite', inviteId: 'i1', now }).thenRejects('not_found');
  });

  it('an invite lasts at most 90 days (year 9999 is refused)', () => {
    spec.given([]).when({ ...create, invite: { ...create.invite, expiresAt: '9999-12-31T00:00:00.000Z' } }).thenRejects('invalid', /90 days/);
    spec.given([]).when({ ...create, invite: { ...create.invite, expiresAt: '2027-02-26T12:00:00.000Z' } }).then([
      { type: 'InviteCreated', data: { ...create.invite, expiresAt: '2027-02-26T12:00:00.000Z', createdAt: now } },
    ]);
  });

  it('renews the link of an open invite, never of a revoked or expired one', () => {
    const created = { type: 'InviteCreated' as const, data: { ...create.invite, createdAt: now } };
    spec.given([created]).when({ type: 'RenewInviteLink', inviteId: 'i1', now }).then([{ type: 'InviteLinkRenewed', data: { inviteId: 'i1', renewedAt: now } }]);
    spec.given([created, { type: 'InviteRevoked', data: { inviteId: 'i1', revokedAt: now } }]).when({ type: 'RenewInviteLink', inviteId: 'i1', now }).thenRejects('gone');
    spec.given([created]).when({ type: 'RenewInviteLink', inviteId: 'i1', now: '2026-12-06T00:00:00.000Z' }).thenRejects('gone', /expired/);
    spec.given([]).when({ type: 'RenewInviteLink', inviteId: 'i1', now }).thenRejects('not_found');
  });
});
