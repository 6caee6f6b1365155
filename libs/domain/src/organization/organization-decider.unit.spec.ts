import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { organizationDecider, type CreateOrganization } from './organization-decider.js';

const now = '2026-11-28T12:00:00.000Z';
const create: CreateOrganization = { type: 'CreateOrganization', organizationId: 'o1', name: 'Riverside Tenants Union', now };
const spec = specify(organizationDecider);

describe('organization decider', () => {
  it('creates the organization', () => {
    spec.given([]).when(create).then([{ type: 'OrganizationCreated', data: { organizationId: 'o1', name: 'Riverside Tenants Union', createdAt: now } }]);
  });

  it('refuses to create it twice', () => {
    spec
      .given([{ type: 'OrganizationCreated', data: { organizationId: 'o1', name: 'X', createdAt: now } }])
      .when(create)
      .thenRejects('conflict', /already exists/);
  });
});
