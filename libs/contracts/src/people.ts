import { z } from 'zod';
import { Email, humanText, Password, PersonName } from './fields.js';
import { Role } from './session.js';

/** 'removed': taken off the roster before ever signing in (sent live so open pages drop the row; never listed). */
export const PersonStatus = z.enum(['active', 'suspended', 'removed']);
export type PersonStatus = z.infer<typeof PersonStatus>;

export const PersonView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  status: PersonStatus,
  joinedAt: z.string(),
  /** Last request with a session; null when never signed in since the server kept track. */
  lastActiveAt: z.string().nullable(),
  /** Whether they ever signed in with their password (only such members cannot be removed). Sent by the list; live updates leave it out. */
  signedIn: z.boolean().optional(),
  /** Stream revision, to send back as expectedRevision. */
  revision: z.number(),
});
export type PersonView = z.infer<typeof PersonView>;

export const PeopleList = z.object({ people: z.array(PersonView), position: z.string() });
export type PeopleList = z.infer<typeof PeopleList>;

export const ChangeRoleRequest = z.strictObject({ role: Role, expectedRevision: z.number().int().min(0).optional() });
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequest>;

const ExpiresAt = z.iso.datetime({ offset: true, message: 'must be an ISO date and time with an offset' });

/** Volunteers arrive in crowds through one link; admins and auditors are invited by name. */
export const CreateInviteRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('volunteer'),
    campaignId: z.uuid('must be a campaign id').optional(),
    /** How organizers tell links apart ("Saturday phone bank"). */
    label: humanText({ max: 80 }).optional(),
    /** ISO time, at most 90 days ahead; default: 7 days from now. */
    expiresAt: ExpiresAt.optional(),
    /** Default: unlimited. */
    maxUses: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000').optional(),
  }),
  z.strictObject({
    kind: z.literal('named'),
    role: z.enum(['admin', 'auditor'], 'must be admin or auditor'),
    email: Email,
    expiresAt: ExpiresAt.optional(),
  }),
]);
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;

/** 'inactive': its maker is no longer an active owner or admin, so the link no longer lets anyone in. */
export const InviteStatus = z.enum(['open', 'expired', 'revoked', 'used-up', 'inactive']);
export type InviteStatus = z.infer<typeof InviteStatus>;

export const InviteView = z.object({
  id: z.string(),
  kind: z.enum(['volunteer', 'named']),
  role: Role,
  email: z.string().nullable(),
  campaignId: z.string().nullable(),
  label: z.string().nullable(),
  expiresAt: z.string(),
  maxUses: z.number().nullable(),
  uses: z.number(),
  status: InviteStatus,
  createdAt: z.string(),
  createdBy: z.string(),
});
export type InviteView = z.infer<typeof InviteView>;

export const InviteList = z.object({ invites: z.array(InviteView), position: z.string() });
export type InviteList = z.infer<typeof InviteList>;

/**
 * A link: `path` is what to share. A volunteer link can be shown again while it is
 * open (GET /api/invites/:id/link); a named invite's link only when made or renewed.
 */
export const InviteCreated = z.object({ id: z.string(), position: z.string(), readable: z.boolean().default(true), token: z.string(), path: z.string() });

export type InviteCreated = z.infer<typeof InviteCreated>;

export const InviteLink = z.object({ token: z.string(), path: z.string() });
export type InviteLink = z.infer<typeof InviteLink>;

/** What the join page shows before anyone signs up. */
export const InvitePreview = z.object({
  organizationName: z.string(),
  role: Role,
  email: z.string().nullable(),
  campaignName: z.string().nullable(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const JoinRequest = z.strictObject({ name: PersonName, email: Email, password: Password });
export type JoinRequest = z.infer<typeof JoinRequest>;

/** An owner corrects a member's email (frees the old one): unique among members. */
export const ChangeEmailRequest = z.strictObject({ email: Email });
export type ChangeEmailRequest = z.infer<typeof ChangeEmailRequest>;

/** A one-time link to set a new password, made by an owner or admin and passed on by them (no mail server). */
export const PasswordResetLink = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;

/** What the reset page shows before the new password is chosen. */
export const PasswordResetPreview = z.object({ name: z.string(), email: z.string() });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreview>;

export const ResetPasswordRequest = z.strictObject({ password: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;
