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
});
