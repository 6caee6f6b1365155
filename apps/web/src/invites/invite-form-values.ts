import { toIsoWithOffset } from '../format/local-date-time';

/** The volunteer-link form as its inputs hold it: every field optional, '' meaning "the server's default". */
export interface VolunteerLinkValues {
  /** How organizers tell links apart ("Saturday phone bank"); '' for none. */
  label: string;
  campaignId: string;
  /** From a datetime-local input: wall-clock time with no zone. */
  expiresAt: string;
  maxUses: string;
}

/** Field paths as the API names them in 400 issues, in the form's order. */
export const VOLUNTEER_LINK_FIELD_PATHS = ['label', 'campaignId', 'expiresAt', 'maxUses'] as const;

export function blankVolunteerLinkValues(): VolunteerLinkValues {
  return { label: '', campaignId: '', expiresAt: '', maxUses: '' };
}

/**
 * Unvalidated on purpose: CreateInviteRequest checks it before sending, so a
 * time or count that cannot be read is passed on as typed and reported on its field.
 */
export function volunteerInviteFrom(values: VolunteerLinkValues) {
  const maxUses = values.maxUses.trim();
  return {
    kind: 'volunteer' as const,
    // Blank means no label; the contract trims and checks the rest.
    label: values.label.trim() === '' ? undefined : values.label,
    campaignId: values.campaignId || undefined,
    expiresAt: values.expiresAt ? (toIsoWithOffset(values.expiresAt) ?? values.expiresAt) : undefined,
    maxUses: maxUses === '' ? undefined : /^\d+$/.test(maxUses) ? Number(maxUses) : maxUses,
  };
}

export interface NamedInviteValues {
  email: string;
  /** 'admin' or 'auditor'; the contract checks it. */
  role: string;
}

export const NAMED_INVITE_FIELD_PATHS = ['email', 'role'] as const;

export function blankNamedInviteValues(): NamedInviteValues {
  return { email: '', role: 'admin' };
}

export function namedInviteFrom(values: NamedInviteValues) {
  return { kind: 'named' as const, role: values.role, email: values.email };
}
