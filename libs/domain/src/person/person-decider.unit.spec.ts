import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { personDecider } from './person-decider.js';
import type { PersonJoined } from './person-events.js';

const now = '2026-11-28T12:00:00.000Z';
const joined = (role: PersonJoined['data']['role']): PersonJoined => ({
  type: 'PersonJoined',
  data: { personId: 'p2', organizationId: 'o1', name: 'Vol', email: 'vol@example.org', role, joinedAt: now, inviteId: 'i1' },
});
const spec = specify(personDecider);

describe('person decider', () => {
  it('joins once, remembering the invite', () => {
    spec
      .given([])
      .when({ type: 'JoinOrganization', personId: 'p2', organizationId: 'o1', name: 'Vol', email: 'vol@example.org', role: 'volunteer', inviteId: 'i1', now })
      .then([joined('volunteer')]);
    spec
      .given([joined('volunteer')])
      .when({ type: 'JoinOrganization', personId: 'p2', organizationId: 'o1', name: 'Vol', email: 'vol@example.org', role: 'volunteer', now })
      .thenRejects('conflict');
  });

  it('changes an email once; the same email again records nothing; nobody unknown', () => {
    const changed = { type: 'EmailChanged' as const, data: { personId: 'p2', from: 'vol@example.org', to: 'new@example.org', changedAt: now } };
    spec.given([joined('volunteer')]).when({ type: 'ChangeEmail', personId: 'p2', email: 'new@example.org', now }).then([changed]);
    spec.given([joined('volunteer'), changed]).when({ type: 'ChangeEmail', personId: 'p2', email: 'new@example.org', now }).then([]);
    spec.given([]).when({ type: 'ChangeEmail', personId: 'p2', email: 'new@example.org', now }).thenRejects('not_found');
  });

  it('issues reset links that expire in the future, and records a reset, for members only', () => {
    const later = '2026-11-29T12:00:00.000Z';
    spec.given([joined('volunteer')]).when({ type: 'IssuePasswordResetLink', personId: 'p2', expiresAt: later, now }).then([
      { type: 'PasswordResetLinkIssued', data: { personId: 'p2', expiresAt: later, issuedAt: now } },
    ]);
    spec.given([joined('volunteer')]).when({ type: 'IssuePasswordResetLink', personId: 'p2', expiresAt: now, now }).thenRejects('invalid');
    spec.given([joined('volunteer')]).when({ type: 'ResetPassword', personId: 'p2', now }).then([{ type: 'PasswordReset', data: { personId: 'p2', resetAt: now } }]);
    spec.given([]).when({ type: 'ResetPassword', personId: 'p2', now }).thenRejects('not_found');
  });
});
