import type { Role } from '@textbank/contracts';

/** "a volunteer", "an admin": for sentences such as "You are joining as an auditor". */
export function roleWithArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}

/** "Admin", "Volunteer": a role at the start of a label. */
export function roleTitle(role: Role): string {
  return `${role.charAt(0).toUpperCase()}${role.slice(1)}`;
}
