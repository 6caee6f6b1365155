import type { DomainEvent } from '../shared/decider.js';

/** How the file's columns were read: which column holds what; other mapped columns become custom fields. */
export interface ColumnMapping {
  readonly phone: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly zip?: string;
  readonly externalId?: string;
  /** Column header → merge-field key (`Polling Place` → `polling_place`). */
  readonly customFields: Readonly<Record<string, string>>;
}

/** A contact as uploaded. Its id derives from (campaign, E.164), so a number uploaded twice is one contact. */
export interface UploadedContact {
  readonly contactId: string;
  /** E.164. */
  readonly phone: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly zip: string | null;
  /** IANA zone from the ZIP; null without a (known) ZIP: then only the window open in every continental zone applies. */
  readonly timeZone: string | null;
  readonly externalId: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

/** Why rows were not taken, counted. */
export interface UploadCounts {
  readonly rows: number;
  readonly accepted: number;
  readonly invalid: number;
  /** The same number twice in this file, or already in the campaign. */
  readonly duplicate: number;
  readonly optedOut: number;
}

/**
 * An upload is its own stream: started, chunks of contacts, then completed or
 * abandoned. Contacts become visible only with ContactUploadCompleted, so an
 * interrupted upload (a crash, kill -9, a dropped connection) leaves nothing
 * half-done: it can be retried or abandoned.
 */
export type ContactUploadStarted = DomainEvent<
  'ContactUploadStarted',
  { uploadId: string; campaignId: string; organizationId: string; fileName: string; mapping: ColumnMapping; startedAt: string }
>;

/** About a thousand contacts an event, never one event per row. `chunk` counts from 0. */
export type ContactsChunkAccepted = DomainEvent<
  'ContactsChunkAccepted',
  { uploadId: string; campaignId: string; chunk: number; contacts: readonly UploadedContact[] }
>;

export type ContactUploadCompleted = DomainEvent<
  'ContactUploadCompleted',
  { uploadId: string; campaignId: string; counts: UploadCounts; reasons: Readonly<Record<string, number>>; completedAt: string }
>;

export type ContactUploadAbandoned = DomainEvent<'ContactUploadAbandoned', { uploadId: string; campaignId: string; reason: string; abandonedAt: string }>;

export type ContactUploadEvent = ContactUploadStarted | ContactsChunkAccepted | ContactUploadCompleted | ContactUploadAbandoned;

export const contactUploadStream = (uploadId: string) => `contact-upload-${uploadId}`;
