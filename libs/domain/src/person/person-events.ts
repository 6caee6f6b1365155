import type { DomainEvent } from '../shared/decider.js';

export type Role = 'owner' | 'admin' | 'volunteer' | 'auditor';

/** Someone became a member: the founder at first run, everyone else through an invite. */
export type PersonJoined = DomainEvent<
  'PersonJoined',
  { personId: string; organizationId: string; name: string; email: string; role: Role; joinedAt: string; inviteId?: string }
>;

export type RoleChanged = DomainEvent<'RoleChanged', { personId: string; from: Role; to: Role; changedAt: string }>;

/** A suspended person cannot sign in; their sessions and sockets end at once. */
export type PersonSuspended = DomainEvent<'PersonSuspended', { personId: string; suspendedAt: string }>;

export type PersonReinstated = DomainEvent<'PersonReinstated', { personId: string; reinstatedAt: string }>;

export type PersonEvent = PersonJoined | RoleChanged | PersonSuspended | PersonReinstated;

export const personStream = (personId: string) => `person-${personId}`;
