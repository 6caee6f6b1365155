import type { PhoneProblem } from '../phone/phone-result.js';

/** A row that becomes a contact. */
export interface ImportedContact {
  /** 1-based line number of the row's first line in the file. */
  readonly row: number;
  /** E.164, e.g. "+12025550123": with the campaign, the contact's identity. */
  readonly phone: string;
  /** The number's region per libphonenumber-js ("US", "PR", …). */
  readonly country: string | null;
  readonly firstName: string;
  readonly lastName: string;
  /** Five digits, or null when the row has no (well-formed) ZIP. */
  readonly zip: string | null;
  /** IANA zone from the ZIP; null: send only while every continental zone is in its window. */
  readonly timeZone: string | null;
  /** The area code, given only when timeZone is null: shown to people, never used for the window. */
  readonly areaCodeHint: string | null;
  readonly externalId: string | null;
  /** Non-empty custom cells by merge-field key. */
  readonly customFields: Readonly<Record<string, string>>;
}

export type RejectReason = PhoneProblem | 'row_too_wide' | 'duplicate_in_file';

/** A row that does not become a contact, kept for the rejects CSV. */
export interface RejectedRow {
  readonly row: number;
  readonly reason: RejectReason;
  /** For people: "Row 12: "555-12" is too short to be a phone number." */
  readonly message: string;
  /** The row's cells as read (trailing empty cells dropped). */
  readonly cells: readonly string[];
}

export type RowResult = { readonly accepted: ImportedContact } | { readonly rejected: RejectedRow };
