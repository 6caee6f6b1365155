import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { organizationDecider, type SetUpOrganization } from './organization-decider.js';

const now = '2026-11-28T12:00:00.000Z';
const setUp: SetUpOrganization = {
  type: 'SetUpOrganization',
  organizationId: 'o1',
  name: 'Riverside Tenants Union',
  owner: { personId: 'p1', name: 'Ada Organizer', email: 'ada@example.org' },
  now,
};
const spec = specify(organizationDecider);

describe('organization decider', () => {
  it('creates the organization with its founder as owner', () => {
    spec.given([]).when(setUp).then([
      { type: 'OrganizationCreated', data: { organizationId: 'o1', name: 'Riverside Tenants Union', createdAt: now } },
      {
        type: 'PersonJoined',
        data: { personId: 'p1', organizationId: 'o1', name: 'Ada Organizer', email: 'ada@example.org', role: 'owner', joinedAt: now },
      },
    ]);
  });

  it('refuses a second set-up', () => {
    spec
      .given([{ type: 'OrganizationCreated', data: { organizationId: 'o1', name: 'X', createdAt: now } }])
      .when(setUp)
      .thenRejects('conflict', /already exists/);
  });
});
