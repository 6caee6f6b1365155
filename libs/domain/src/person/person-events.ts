import type { DomainEvent } from '../shared/decider.js';

export type Role = 'owner' | 'admin' | 'volunteer' | 'auditor';

/** Someone became a member: the founder at first run, everyone else through an invite. */
export type PersonJoined = DomainEvent<
  'PersonJoined',
  { personId: string; organizationId: string; name: string; email: string; role: Role; joinedAt: string; inviteId?: string }
>;

/** An owner corrected a member's email (the address was reserved first, so it stays unique). */
export type EmailChanged = DomainEvent<'EmailChanged', { personId: string; from: string; to: string; changedAt: string }>;

/** A person's own stream holds who they are; their standing (role, suspension) is on the organization's roster. */
export type PersonEvent = PersonJoined | EmailChanged;

export const personStream = (personId: string) => `person-${personId}`;
