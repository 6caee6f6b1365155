import type { DomainEvent } from '../shared/decider.js';

export type OrganizationCreated = DomainEvent<
  'OrganizationCreated',
  { organizationId: string; name: string; createdAt: string }
>;

export type OrganizationEvent = OrganizationCreated;

export const organizationStream = (organizationId: string) => `organization-${organizationId}`;
