import type { DomainEvent } from '../shared/decider.js';

export type OrganizationCreated = DomainEvent<
  'OrganizationCreated',
  { organizationId: string; name: string; createdAt: string }
>;

/** Someone became a member. At first run the founder joins as owner, in the organization's stream. */
export type PersonJoined = DomainEvent<
  'PersonJoined',
  { personId: string; organizationId: string; name: string; email: string; role: 'owner' | 'admin' | 'volunteer' | 'auditor'; joinedAt: string }
>;

export type OrganizationEvent = OrganizationCreated | PersonJoined;

export const organizationStream = (organizationId: string) => `organization-${organizationId}`;
