import type { PersonView, Role } from '@textbank/contracts';

/**
 * Owners and admins change roles, suspend, and invite; auditors only look.
 * The API enforces the same rules; these only spare people buttons that would fail.
 */
export function canManagePeople(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export interface Viewer {
  id: string;
  role: Role;
}

/** What the viewer may do to one person: the roles they may pick, suspend and reinstate, and the ways back in. */
export interface PersonActions {
  roles: readonly Role[];
  /** A one-time password reset link: not for suspended people (reinstate first). */
  resetLink: boolean;
  /** Owners correct a member's email. */
  changeEmail: boolean;
  /** Owners remove a member who never signed in (a wrong address, say); anyone else is suspended instead. */
  remove: boolean;
}

const EVERY_ROLE: readonly Role[] = ['owner', 'admin', 'volunteer', 'auditor'];
const BELOW_OWNER: readonly Role[] = ['admin', 'volunteer', 'auditor'];

/**
 * Null when the viewer may do nothing to this person: nobody manages
 * themselves (the API answers 409), and only an owner makes, unmakes or
 * suspends an owner (403 for an admin).
 */
export function actionsOn(viewer: Viewer, person: PersonView): PersonActions | null {
  if (!canManagePeople(viewer.role) || viewer.id === person.id) return null;
  const resetLink = person.status === 'active';
  if (viewer.role === 'owner') return { roles: EVERY_ROLE, resetLink, changeEmail: true, remove: person.signedIn === false };
  return person.role === 'owner' ? null : { roles: BELOW_OWNER, resetLink, changeEmail: false, remove: false };
}
