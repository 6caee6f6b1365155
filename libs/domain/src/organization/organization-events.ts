import type { DomainEvent } from '../shared/decider.js';
import type { Role } from '../person/person-events.js';

/**
 * One organization per installation. The founder (v2) is its first owner: the
 * roster starts with them, so the last-owner rule can count every owner.
 * v1 events, written before the roster existed, carry no founder.
 */
export type OrganizationCreated = DomainEvent<
  'OrganizationCreated',
  { organizationId: string; name: string; createdAt: string; founder?: { personId: string; name: string; email: string } }
>;

/*
 * Roster events: a member's standing (role, suspension, removal). They live in
 * the organization's stream, not the person's, because "at least one active
 * owner" is a rule over the whole set of members: the one stream that sees
 * every change to it is where it can be decided consistently.
 */
export type RoleChanged = DomainEvent<'RoleChanged', { personId: string; from: Role; to: Role; changedAt: string }>;

/** A suspended person cannot sign in; their sessions and sockets end at once, and their invite links stop working. */
export type PersonSuspended = DomainEvent<'PersonSuspended', { personId: string; suspendedAt: string }>;

export type PersonReinstated = DomainEvent<'PersonReinstated', { personId: string; reinstatedAt: string }>;

/** A member who never signed in, taken off the roster by an owner: their email is free again. */
export type MemberRemoved = DomainEvent<'MemberRemoved', { personId: string; removedAt: string }>;

/**
 * Written once, at the first start after an upgrade, for organizations whose
 * role changes and suspensions were written to the people's own streams (and
 * whose OrganizationCreated names no founder): every member's standing as
 * those events left it, so the roster starts where the old log ends.
 */
export type RosterCarriedOver = DomainEvent<
  'RosterCarriedOver',
  { standings: ReadonlyArray<{ personId: string; role: Role; status: 'active' | 'suspended'; version: number }>; carriedAt: string }
>;

export type RosterEvent = RoleChanged | PersonSuspended | PersonReinstated | MemberRemoved;

export type OrganizationEvent = OrganizationCreated | RosterEvent | RosterCarriedOver;

export const organizationStream = (organizationId: string) => `organization-${organizationId}`;
