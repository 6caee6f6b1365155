import type { DomainEvent } from '../shared/decider.js';

/** Where an opt-out came from. Replies and carrier errors arrive with the texting issue. */
export type OptOutSource = 'import' | 'manual' | 'reply' | 'carrier';

/**
 * Numbers that must never be texted by this organization, in any campaign,
 * until they opt back in. Imported lists arrive in chunks (about a thousand
 * numbers an event), a number added by hand alone.
 */
export type PhonesOptedOut = DomainEvent<'PhonesOptedOut', { organizationId: string; phones: readonly string[]; source: OptOutSource; note?: string; optedOutAt: string }>;

/** The person asked to hear from the organization again (a START reply, later). */
export type PhoneOptedIn = DomainEvent<'PhoneOptedIn', { organizationId: string; phone: string; source: OptOutSource; optedInAt: string }>;

export type OptOutEvent = PhonesOptedOut | PhoneOptedIn;

export const optOutStream = (organizationId: string) => `opt-outs-${organizationId}`;
