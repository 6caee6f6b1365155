import { SetMetadata } from '@nestjs/common';
import type { Role } from '@textbank/contracts';

export type AccessRule = 'public' | 'signed-in' | Role;
export const ACCESS_KEY = 'textbank:access';

/**
 * Who may call a route: 'public', any 'signed-in' person, or the listed roles.
 * Every route must say; the guard refuses routes that don't (deny by default).
 */
export const Access = (...rules: [AccessRule, ...AccessRule[]]) => SetMetadata(ACCESS_KEY, rules);

/** Roles that manage the organization's work. */
export const STAFF: [Role, ...Role[]] = ['owner', 'admin'];
/** Roles that text: volunteers, and staff who text too. */
export const TEXTERS: [Role, ...Role[]] = ['owner', 'admin', 'volunteer'];
/** Roles that may read everything. */
export const READERS: [Role, ...Role[]] = ['owner', 'admin', 'auditor'];
