import type { Role } from '../person/person-events.js';

/** A member's standing on the roster; `version` counts roster changes to it (0 as joined). */
export interface Standing {
  readonly role: Role;
  readonly status: 'active' | 'suspended' | 'removed';
  readonly version: number;
}

/** What the roster recorded: `role` only once it changed (or for the founder); otherwise as joined. */
export interface Recorded {
  readonly role?: Role;
  readonly status: Standing['status'];
  readonly version: number;
}

/** How someone joined, from their own stream: immutable once written, so safe to read outside the roster. */
export interface Joined {
  readonly role: Role;
}

export const MANAGERS: readonly Role[] = ['owner', 'admin'];

/** Standing now: what the roster recorded, else as they joined; undefined for strangers. */
export function standingOf(standings: ReadonlyMap<string, Recorded>, personId: string, joined: Joined | undefined): Standing | undefined {
  const recorded = standings.get(personId);
  const role = recorded?.role ?? joined?.role;
  if (role === undefined) return undefined;
  return { role, status: recorded?.status ?? 'active', version: recorded?.version ?? 0 };
}

export const isActiveOwner = (standing: Pick<Standing, 'role' | 'status'> | Pick<Recorded, 'role' | 'status'> | undefined) =>
  standing?.role === 'owner' && standing.status === 'active';

/**
 * Active owners the roster knows. Every owner is on it: the founder from
 * OrganizationCreated, everyone else by a RoleChanged (invites never make
 * owners), so this count is exact, and the rule "at least one" holds on it.
 */
export function activeOwners(standings: ReadonlyMap<string, Recorded>): number {
  let count = 0;
  for (const standing of standings.values()) if (isActiveOwner(standing)) count++;
  return count;
}
