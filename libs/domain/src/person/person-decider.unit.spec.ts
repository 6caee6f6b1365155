import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { personDecider } from './person-decider.js';
import type { PersonJoined } from './person-events.js';

const now = '2026-11-28T12:00:00.000Z';
const joined = (role: PersonJoined['data']['role']): PersonJoined => ({
  type: 'PersonJoined',
  data: { personId: 'p2', organizationId: 'o1', name: 'Vol', email: 'vol@example.org', role, joinedAt: now, inviteId: 'i1' },
});
const owner = { personId: 'p1', role: 'owner' as const };
const admin = { personId: 'p3', role: 'admin' as const };
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

  it('an admin changes a volunteer to auditor; the same role again records nothing', () => {
    spec.given([joined('volunteer')]).when({ type: 'ChangeRole', personId: 'p2', role: 'auditor', by: admin, now }).then([
      { type: 'RoleChanged', data: { personId: 'p2', from: 'volunteer', to: 'auditor', changedAt: now } },
    ]);
    spec.given([joined('volunteer')]).when({ type: 'ChangeRole', personId: 'p2', role: 'volunteer', by: admin, now }).then([]);
  });

  it('only an owner makes or touches an owner', () => {
    spec.given([joined('volunteer')]).when({ type: 'ChangeRole', personId: 'p2', role: 'owner', by: admin, now }).thenRejects('forbidden');
    spec.given([joined('owner')]).when({ type: 'SuspendPerson', personId: 'p2', by: admin, now }).thenRejects('forbidden');
    spec.given([joined('admin')]).when({ type: 'ChangeRole', personId: 'p2', role: 'owner', by: owner, now }).then([
      { type: 'RoleChanged', data: { personId: 'p2', from: 'admin', to: 'owner', changedAt: now } },
    ]);
  });

  it('nobody manages themselves, and volunteers manage nobody', () => {
    spec.given([joined('admin')]).when({ type: 'SuspendPerson', personId: 'p2', by: { personId: 'p2', role: 'admin' }, now }).thenRejects('conflict');
    spec.given([joined('admin')]).when({ type: 'ChangeRole', personId: 'p2', role: 'volunteer', by: { personId: 'p9', role: 'volunteer' }, now }).thenRejects('forbidden');
  });

  it('suspends and reinstates, each once', () => {
    const suspended = { type: 'PersonSuspended' as const, data: { personId: 'p2', suspendedAt: now } };
    spec.given([joined('volunteer')]).when({ type: 'SuspendPerson', personId: 'p2', by: admin, now }).then([suspended]);
    spec.given([joined('volunteer'), suspended]).when({ type: 'SuspendPerson', personId: 'p2', by: admin, now }).then([]);
    spec.given([joined('volunteer'), suspended]).when({ type: 'ReinstatePerson', personId: 'p2', by: admin, now }).then([
      { type: 'PersonReinstated', data: { personId: 'p2', reinstatedAt: now } },
    ]);
    spec.given([]).when({ type: 'ReinstatePerson', personId: 'p2', by: admin, now }).thenRejects('not_found');
  });
});
