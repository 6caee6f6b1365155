import { describe, expect, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import type { Role } from '../person/person-events.js';
import { organizationDecider, type CreateOrganization, type RosterCommand } from './organization-decider.js';
import type { OrganizationCreated, OrganizationEvent } from './organization-events.js';

const now = '2026-11-28T12:00:00.000Z';
const founder = { personId: 'owner1', name: 'Maria', email: 'maria@example.org' };
const create: CreateOrganization = { type: 'CreateOrganization', organizationId: 'o1', name: 'Riverside Tenants Union', founder, now };
const created: OrganizationCreated = { type: 'OrganizationCreated', data: { organizationId: 'o1', name: 'Riverside Tenants Union', createdAt: now, founder } };
const promoted = (personId: string, from: Role = 'admin'): OrganizationEvent => ({ type: 'RoleChanged', data: { personId, from, to: 'owner', changedAt: now } });
const spec = specify(organizationDecider);

/** A roster change by `by`, about `personId`, with both joined as given (the founder's joined role is on the roster). */
const by = (byId: string, actorJoined: Role | undefined, personId: string, targetJoined: Role | undefined) => ({
  personId,
  by: byId,
  joined: { ...(targetJoined && { target: { role: targetJoined } }), ...(actorJoined && { actor: { role: actorJoined } }) },
  now,
});

describe('organization decider', () => {
  it('creates the organization with its founder as the first owner, once', () => {
    spec.given([]).when(create).then([created]);
    spec.given([created]).when(create).thenRejects('conflict', /already exists/);
  });

  it('an admin changes a volunteer to auditor; the same role again records nothing', () => {
    const change: RosterCommand = { type: 'ChangeRole', role: 'auditor', ...by('a1', 'admin', 'v1', 'volunteer') };
    spec.given([created]).when(change).then([{ type: 'RoleChanged', data: { personId: 'v1', from: 'volunteer', to: 'auditor', changedAt: now } }]);
    spec.given([created]).when({ ...change, role: 'volunteer' }).then([]);
  });

  it('only an owner makes or touches an owner', () => {
    spec.given([created]).when({ type: 'ChangeRole', role: 'owner', ...by('a1', 'admin', 'v1', 'volunteer') }).thenRejects('forbidden');
    spec.given([created]).when({ type: 'SuspendPerson', ...by('a1', 'admin', 'owner1', undefined) }).thenRejects('forbidden');
    spec.given([created]).when({ type: 'ChangeRole', role: 'owner', ...by('owner1', undefined, 'a1', 'admin') }).then([promoted('a1')]);
  });

  it('nobody manages themselves, volunteers manage nobody, strangers are not found', () => {
    spec.given([created]).when({ type: 'SuspendPerson', ...by('a1', 'admin', 'a1', 'admin') }).thenRejects('conflict');
    spec.given([created]).when({ type: 'ChangeRole', role: 'volunteer', ...by('v9', 'volunteer', 'a1', 'admin') }).thenRejects('forbidden');
    spec.given([created]).when({ type: 'SuspendPerson', ...by('owner1', undefined, 'x', undefined) }).thenRejects('not_found');
  });

  it('suspends and reinstates, each once, keeping the role the person joined with', () => {
    const suspended: OrganizationEvent = { type: 'PersonSuspended', data: { personId: 'a1', suspendedAt: now } };
    spec.given([created]).when({ type: 'SuspendPerson', ...by('owner1', undefined, 'a1', 'admin') }).then([suspended]);
    spec.given([created, suspended]).when({ type: 'SuspendPerson', ...by('owner1', undefined, 'a1', 'admin') }).then([]);
    spec.given([created, suspended]).when({ type: 'ReinstatePerson', ...by('owner1', undefined, 'a1', 'admin') }).then([
      { type: 'PersonReinstated', data: { personId: 'a1', reinstatedAt: now } },
    ]);
    // Suspension did not forget that a1 is an admin: an admin may not promote to owner even after reinstatement.
    const state = [created, suspended].reduce(organizationDecider.evolve, organizationDecider.initialState());
    expect(state.standings.get('a1')).toEqual({ status: 'suspended', version: 1 });
  });

  describe('the last active owner', () => {
    it('cannot be demoted, suspended or removed', () => {
      spec.given([created, promoted('a1')]).when({ type: 'ChangeRole', role: 'admin', ...by('a1', 'admin', 'owner1', undefined) }).then([
        { type: 'RoleChanged', data: { personId: 'owner1', from: 'owner', to: 'admin', changedAt: now } },
      ]);
      const demoted: OrganizationEvent = { type: 'RoleChanged', data: { personId: 'owner1', from: 'owner', to: 'admin', changedAt: now } };
      // a1 is now the only owner: owner1 (an admin now) may not touch them, and nobody can take them away.
      spec.given([created, promoted('a1'), demoted]).when({ type: 'ChangeRole', role: 'admin', ...by('owner1', undefined, 'a1', 'admin') }).thenRejects('forbidden');
      spec.given([created, promoted('a1'), promoted('o2'), demoted]).when({ type: 'SuspendPerson', ...by('o2', 'admin', 'a1', 'admin') }).then([
        { type: 'PersonSuspended', data: { personId: 'a1', suspendedAt: now } },
      ]);
      const suspendedA1: OrganizationEvent = { type: 'PersonSuspended', data: { personId: 'a1', suspendedAt: now } };
      spec.given([created, promoted('a1'), promoted('o2'), demoted, suspendedA1])
        .when({ type: 'RemoveMember', signedIn: false, ...by('a1', 'admin', 'o2', 'admin') })
        .thenRejects('forbidden', /no longer manage/);
    });

    it('two owners demoting each other: whichever is decided second is refused', () => {
      const history = [created, promoted('a1')];
      const first = organizationDecider.decide({ type: 'ChangeRole', role: 'admin', ...by('owner1', undefined, 'a1', 'admin') }, history.reduce(organizationDecider.evolve, organizationDecider.initialState()));
      expect(first.ok).toBe(true);
      const after = [...history, ...(first.ok ? first.events : [])].reduce(organizationDecider.evolve, organizationDecider.initialState());
      const second = organizationDecider.decide({ type: 'ChangeRole', role: 'admin', ...by('a1', 'admin', 'owner1', undefined) }, after);
      expect(second.ok).toBe(false);
    });

    it('a suspended owner does not count, and the one active owner stays', () => {
      const suspendedA1: OrganizationEvent = { type: 'PersonSuspended', data: { personId: 'a1', suspendedAt: now } };
      spec.given([created, promoted('a1'), suspendedA1, promoted('o3')])
        .when({ type: 'ChangeRole', role: 'volunteer', ...by('o3', 'admin', 'owner1', undefined) })
        .then([{ type: 'RoleChanged', data: { personId: 'owner1', from: 'owner', to: 'volunteer', changedAt: now } }]);
      const demoted: OrganizationEvent = { type: 'RoleChanged', data: { personId: 'owner1', from: 'owner', to: 'volunteer', changedAt: now } };
      spec.given([created, promoted('a1'), suspendedA1, promoted('o3'), demoted])
        .when({ type: 'ReinstatePerson', ...by('o3', 'admin', 'a1', 'admin') })
        .then([{ type: 'PersonReinstated', data: { personId: 'a1', reinstatedAt: now } }]);
      spec.given([created, promoted('a1'), suspendedA1]).when({ type: 'SuspendPerson', ...by('a1', 'admin', 'owner1', undefined) }).thenRejects('forbidden');
    });

    it('refuses with a reason that says what to do', () => {
      spec.given([created, promoted('a1'), { type: 'PersonSuspended', data: { personId: 'a1', suspendedAt: now } }])
        .when({ type: 'ChangeRole', role: 'admin', ...by('owner1', undefined, 'owner1', undefined) })
        .thenRejects('conflict');
      const admin2Owner = [created, promoted('a1'), { type: 'RoleChanged', data: { personId: 'owner1', from: 'owner', to: 'admin', changedAt: now } } as OrganizationEvent];
      spec.given(admin2Owner).when({ type: 'SuspendPerson', ...by('owner1', undefined, 'a1', 'admin') }).thenRejects('forbidden');
    });
  });

  it('checks the version the caller saw', () => {
    spec.given([created]).when({ type: 'ChangeRole', role: 'auditor', expectedVersion: 1, ...by('owner1', undefined, 'v1', 'volunteer') }).thenRejects('conflict', /revision 1/);
    spec.given([created]).when({ type: 'ChangeRole', role: 'auditor', expectedVersion: 0, ...by('owner1', undefined, 'v1', 'volunteer') }).then([
      { type: 'RoleChanged', data: { personId: 'v1', from: 'volunteer', to: 'auditor', changedAt: now } },
    ]);
  });

  it('removes only members who never signed in, and only an owner does', () => {
    spec.given([created]).when({ type: 'RemoveMember', signedIn: false, ...by('owner1', undefined, 'v1', 'volunteer') }).then([
      { type: 'MemberRemoved', data: { personId: 'v1', removedAt: now } },
    ]);
    spec.given([created]).when({ type: 'RemoveMember', signedIn: true, ...by('owner1', undefined, 'v1', 'volunteer') }).thenRejects('conflict', /suspend/);
    spec.given([created]).when({ type: 'RemoveMember', signedIn: false, ...by('a1', 'admin', 'v1', 'volunteer') }).thenRejects('forbidden');
    const removed: OrganizationEvent = { type: 'MemberRemoved', data: { personId: 'v1', removedAt: now } };
    spec.given([created, removed]).when({ type: 'ReinstatePerson', ...by('owner1', undefined, 'v1', 'volunteer') }).thenRejects('not_found');
  });

  describe('an organization from before the roster (no founder named)', () => {
    const legacy: OrganizationEvent = { type: 'OrganizationCreated', data: { organizationId: 'o1', name: 'Old', createdAt: now } };
    const standings = [{ personId: 'x', role: 'owner' as const, status: 'active' as const, version: 1 }, { personId: 'f', role: 'admin' as const, status: 'active' as const, version: 1 }];
    const carried: OrganizationEvent = { type: 'RosterCarriedOver', data: { standings, carriedAt: now } };
    it('decides nothing until the old standings are carried over, once', () => {
      spec.given([legacy]).when({ type: 'SuspendPerson', ...by('f', 'owner', 'x', 'admin') }).thenRejects('conflict', /carried over/);
      spec.given([legacy]).when({ type: 'CarryOverRoster', standings, now }).then([carried]);
      spec.given([legacy, carried]).when({ type: 'CarryOverRoster', standings: [], now }).then([]);
    });
    it('then the carried standings rule: a demoted founder cannot suspend the owner who demoted them', () => {
      spec.given([legacy, carried]).when({ type: 'SuspendPerson', ...by('f', 'owner', 'x', 'admin') }).thenRejects('forbidden');
      spec.given([legacy, carried]).when({ type: 'ChangeRole', role: 'admin', ...by('f', 'owner', 'x', 'admin') }).thenRejects('forbidden');
    });
  });
});
