import type { DomainEvent } from '../shared/decider.js';

export type Role = 'owner' | 'admin' | 'volunteer' | 'auditor';

/** Someone became a member: the founder at first run, everyone else through an invite. */
export type PersonJoined = DomainEvent<
  'PersonJoined',
  { personId: string; organizationId: string; name: string; email: string; role: Role; joinedAt: string; inviteId?: string }
>;

/** An owner corrected a member's email (the address was reserved first, so it stays unique). */
export type EmailChanged = DomainEvent<'EmailChanged', { personId: string; from: string; to: string; changedAt: string }>;

/** An owner or admin made a one-time link to set a new password (no mail server: they pass it on). The secret is never recorded. */
export type PasswordResetLinkIssued = DomainEvent<'PasswordResetLinkIssued', { personId: string; expiresAt: string; issuedAt: string }>;

/** The person set a new password through a reset link: every session and remembered browser of theirs ended. */
export type PasswordReset = DomainEvent<'PasswordReset', { personId: string; resetAt: string }>;

/** A person's own stream holds who they are; their standing (role, suspension) is on the organization's roster. */
export type PersonEvent = PersonJoined | EmailChanged | PasswordResetLinkIssued | PasswordReset;

export const personStream = (personId: string) => `person-${personId}`;
