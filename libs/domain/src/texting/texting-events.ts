import type { TextingHours } from '../campaign/campaign-events.js';
import type { DomainEvent } from '../shared/decider.js';

/**
 * One stream per campaign, `texting-<campaignId>`, decides who owns which
 * contact and records every initial text. A batch of 200 contacts is one
 * append to one stream, so "at most one owner per contact" holds wherever an
 * append is atomic on one stream with an expected revision: SQLite here, and
 * EventStoreDB, which cannot append to several streams at once.
 * Who did it is the event's actor, as for every event.
 */

/** `requested`: the texter asked for more ("give me 200 more"); `assigned`: an admin handed them out. */
export type ContactsAssigned = DomainEvent<
  'ContactsAssigned',
  { campaignId: string; texterId: string; contactIds: string[]; reason: 'requested' | 'assigned'; assignedAt: string }
>;

/** Back to the pool. `released`: the texter's (or an admin's) release of contacts not yet texted; `unassigned`: an admin's unassign. */
export type ContactsUnassigned = DomainEvent<
  'ContactsUnassigned',
  { campaignId: string; texterId: string; contactIds: string[]; reason: 'released' | 'unassigned'; unassignedAt: string }
>;

/** Moved between texters (conversations and replies follow their contact). */
export type ContactsReassigned = DomainEvent<
  'ContactsReassigned',
  { campaignId: string; fromTexterId: string; toTexterId: string; contactIds: string[]; reassignedAt: string }
>;

/** The texting-hours decision recorded with a send: the contact's zone (null: unknown, every continental zone had to be open) and local time. */
export interface HoursEvidence {
  readonly timeZone: string | null;
  readonly localTime: string;
  readonly hours: TextingHours;
}

/**
 * A texter pressed Send for a contact's first text: the compliance evidence of
 * one human gesture. Durable here means accepted; the dispatcher sends it.
 */
export type InitialMessageSent = DomainEvent<
  'InitialMessageSent',
  {
    campaignId: string;
    contactId: string;
    texterId: string;
    messageId: string;
    /** The client's id of the click or key press; a retry of it is the same send. */
    gestureId: string;
    gestureAt: string;
    to: string;
    body: string;
    scriptVersion: number;
    variantId: string;
    segments: number;
    encoding: 'GSM-7' | 'UCS-2';
    hoursDecision: HoursEvidence;
  }
>;

export type TextingEvent = ContactsAssigned | ContactsUnassigned | ContactsReassigned | InitialMessageSent;

export const textingStream = (campaignId: string) => `texting-${campaignId}`;
