import type { Change } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';

export interface ContactRecord {
  readonly id: string;
  readonly campaignId: string;
  readonly uploadId: string;
  readonly phone: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly zip: string | null;
  readonly timeZone: string | null;
  readonly externalId: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

export interface UploadRecord {
  readonly id: string;
  readonly campaignId: string;
  readonly fileName: string;
  readonly status: 'started' | 'completed' | 'abandoned';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** Contacts recorded so far (chunks), visible only once completed. */
  readonly received: number;
  readonly counts: { rows: number; accepted: number; invalid: number; duplicate: number; optedOut: number } | null;
  readonly reasons: Readonly<Record<string, number>>;
}

interface ContactRow {
  contact_id: string;
  campaign_id: string;
  upload_id: string;
  phone: string;
  first_name: string;
  last_name: string;
  zip: string | null;
  time_zone: string | null;
  external_id: string | null;
  fields: string;
}

interface UploadRow {
  id: string;
  campaign_id: string;
  file_name: string;
  status: UploadRecord['status'];
  started_at: string;
  finished_at: string | null;
  received: number;
  counts: string | null;
  reasons: string;
}

const toContact = (row: ContactRow): ContactRecord => ({
  id: row.contact_id,
  campaignId: row.campaign_id,
  uploadId: row.upload_id,
  phone: row.phone,
  firstName: row.first_name,
  lastName: row.last_name,
  zip: row.zip,
  timeZone: row.time_zone,
  externalId: row.external_id,
  fields: JSON.parse(row.fields),
});

const toUpload = (row: UploadRow): UploadRecord => ({
  id: row.id,
  campaignId: row.campaign_id,
  fileName: row.file_name,
  status: row.status,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  received: row.received,
  counts: row.counts === null ? null : JSON.parse(row.counts),
  reasons: JSON.parse(row.reasons),
});

/** Told to the campaign's followers when an upload starts, completes or is abandoned (chunks would be a flood). */
const uploadChanged = (db: Database.Database, uploadId: string, position: bigint): Change[] => {
  const row = cachedStatement<[string], UploadRow>(db, 'SELECT * FROM contact_uploads WHERE id = ?').get(uploadId);
  if (!row) return [];
  const upload = toUpload(row);
  return [{ kind: 'contact-upload.changed', topic: `campaign:${upload.campaignId}` as const, position: String(position), payload: { uploadId, status: upload.status, counts: upload.counts } }];
};

const CONTACT_COLUMNS = 'contact_id, campaign_id, upload_id, phone, first_name, last_name, zip, time_zone, external_id, fields';

/**
 * Contacts per campaign, and the uploads that brought them. A chunk's
 * contacts wait in `pending_contacts` until their upload completes, then move
 * into `contacts` in one statement (the same read-model transaction as the
 * checkpoint): an interrupted upload never shows a contact. A contact's id
 * derives from (campaign, E.164), so a number already in the campaign is
 * kept as first uploaded.
 */
export const contactsProjector = defineProjector({
  name: 'contacts',
  version: 2,
  tables: ['contacts', 'pending_contacts', 'contact_uploads', 'opt_outs'],
  schema: `
    CREATE TABLE IF NOT EXISTS contacts (
      contact_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, upload_id TEXT NOT NULL, phone TEXT NOT NULL,
      first_name TEXT NOT NULL, last_name TEXT NOT NULL, zip TEXT, time_zone TEXT, external_id TEXT, fields TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS contacts_by_campaign_phone ON contacts (campaign_id, phone);
    CREATE INDEX IF NOT EXISTS contacts_by_campaign_zone ON contacts (campaign_id, time_zone);
    CREATE TABLE IF NOT EXISTS pending_contacts (
      upload_id TEXT NOT NULL, contact_id TEXT NOT NULL, campaign_id TEXT NOT NULL, phone TEXT NOT NULL,
      first_name TEXT NOT NULL, last_name TEXT NOT NULL, zip TEXT, time_zone TEXT, external_id TEXT, fields TEXT NOT NULL,
      PRIMARY KEY (upload_id, contact_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS contact_uploads (
      id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, file_name TEXT NOT NULL, status TEXT NOT NULL,
      started_at TEXT NOT NULL, finished_at TEXT, received INTEGER NOT NULL DEFAULT 0, counts TEXT, reasons TEXT NOT NULL DEFAULT '{}',
      custom_fields TEXT NOT NULL DEFAULT '[]', position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS contact_uploads_by_campaign ON contact_uploads (campaign_id);
    CREATE TABLE IF NOT EXISTS opt_outs (
      organization_id TEXT NOT NULL, phone TEXT NOT NULL, source TEXT NOT NULL, opted_out_at TEXT NOT NULL,
      PRIMARY KEY (organization_id, phone)
    ) WITHOUT ROWID;`,
  handlers: {
    ContactUploadStarted: (event, db, announce) => {
      const d = event.data;
      cachedStatement(
        db,
        `INSERT OR IGNORE INTO contact_uploads (id, campaign_id, file_name, status, started_at, custom_fields, position) VALUES (?, ?, ?, 'started', ?, ?, ?)`,
      ).run(d.uploadId, d.campaignId, d.fileName, d.startedAt, JSON.stringify(Object.values(d.mapping.customFields)), event.position.commit);
      return announce ? uploadChanged(db, d.uploadId, event.position.commit) : undefined;
    },
    ContactsChunkAccepted: (event, db) => {
      const d = event.data;
      const insert = cachedStatement(db, `INSERT OR IGNORE INTO pending_contacts (upload_id, ${CONTACT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const c of d.contacts) {
        insert.run(d.uploadId, c.contactId, d.campaignId, d.uploadId, c.phone, c.firstName, c.lastName, c.zip, c.timeZone, c.externalId, JSON.stringify(c.fields));
      }
      cachedStatement(db, 'UPDATE contact_uploads SET received = received + ?, position = ? WHERE id = ?').run(d.contacts.length, event.position.commit, d.uploadId);
    },
    ContactUploadCompleted: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, `INSERT OR IGNORE INTO contacts (${CONTACT_COLUMNS}) SELECT ${CONTACT_COLUMNS} FROM pending_contacts WHERE upload_id = ?`).run(d.uploadId);
      cachedStatement(db, 'DELETE FROM pending_contacts WHERE upload_id = ?').run(d.uploadId);
      cachedStatement(db, `UPDATE contact_uploads SET status = 'completed', finished_at = ?, counts = ?, reasons = ?, position = ? WHERE id = ?`).run(
        d.completedAt, JSON.stringify(d.counts), JSON.stringify(d.reasons), event.position.commit, d.uploadId,
      );
      return announce ? uploadChanged(db, d.uploadId, event.position.commit) : undefined;
    },
    ContactUploadAbandoned: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, 'DELETE FROM pending_contacts WHERE upload_id = ?').run(d.uploadId);
      cachedStatement(db, `UPDATE contact_uploads SET status = 'abandoned', finished_at = ?, position = ? WHERE id = ?`).run(d.abandonedAt, event.position.commit, d.uploadId);
      return announce ? uploadChanged(db, d.uploadId, event.position.commit) : undefined;
    },
    PhonesOptedOut: (event, db) => {
      const d = event.data;
      const insert = cachedStatement(db, 'INSERT OR IGNORE INTO opt_outs VALUES (?, ?, ?, ?)');
      for (const phone of d.phones) insert.run(d.organizationId, phone, d.source, d.optedOutAt);
    },
    PhoneOptedIn: (event, db) => {
      cachedStatement(db, 'DELETE FROM opt_outs WHERE organization_id = ? AND phone = ?').run(event.data.organizationId, event.data.phone);
    },
  },
});

export interface ContactQuery {
  readonly search?: string;
  readonly timeZone?: string | null;
  readonly zip?: string;
  readonly field?: { readonly key: string; readonly value: string };
  readonly limit: number;
  readonly offset: number;
}

/** A page of a campaign's contacts, by name, with the total that match. */
export function findContacts(db: Database.Database, campaignId: string, query: ContactQuery): { contacts: ContactRecord[]; total: number } {
  const where = ['campaign_id = ?'];
  const params: unknown[] = [campaignId];
  if (query.search) {
    const digits = query.search.replace(/\D/g, '');
    where.push(`(first_name || ' ' || last_name LIKE ? ESCAPE '\\' ${digits.length >= 3 ? 'OR phone LIKE ?' : ''})`);
    params.push(`%${escapeLike(query.search)}%`, ...(digits.length >= 3 ? [`%${digits}%`] : []));
  }
  if (query.timeZone !== undefined) {
    where.push(query.timeZone === null ? 'time_zone IS NULL' : 'time_zone = ?');
    if (query.timeZone !== null) params.push(query.timeZone);
  }
  if (query.zip) {
    where.push('zip = ?');
    params.push(query.zip);
  }
  if (query.field) {
    where.push(`json_extract(fields, '$.' || ?) = ?`);
    params.push(JSON.stringify(query.field.key), query.field.value);
  }
  const clause = where.join(' AND ');
  const total = db.prepare<unknown[], number>(`SELECT count(*) FROM contacts WHERE ${clause}`).pluck().get(...params)!;
  const rows = db
    .prepare<unknown[], ContactRow>(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE ${clause} ORDER BY last_name, first_name, contact_id LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset);
  return { contacts: rows.map(toContact), total };
}

/** A LIKE pattern's wildcards taken literally (with ESCAPE '\\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** How many of a campaign's contacts are in each time zone (null: no known ZIP). */
export function contactsByTimeZone(db: Database.Database, campaignId: string): Array<{ timeZone: string | null; count: number }> {
  return cachedStatement<[string], { time_zone: string | null; n: number }>(db, 'SELECT time_zone, count(*) AS n FROM contacts WHERE campaign_id = ? GROUP BY time_zone ORDER BY n DESC')
    .all(campaignId)
    .map((row) => ({ timeZone: row.time_zone, count: row.n }));
}

/** One visible contact (an unfinished upload's contacts are not). */
export function findContact(db: Database.Database, contactId: string): ContactRecord | undefined {
  const row = cachedStatement<[string], ContactRow>(db, `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE contact_id = ?`).get(contactId);
  return row && toContact(row);
}

export function contactCount(db: Database.Database, campaignId: string): number {
  return cachedStatement<[string], number>(db, 'SELECT count(*) FROM contacts WHERE campaign_id = ?').pluck().get(campaignId)!;
}

/** Which of these contact ids the campaign already has (for counting re-uploaded numbers as duplicates). */
export function existingContactIds(db: Database.Database, contactIds: readonly string[]): Set<string> {
  if (contactIds.length === 0) return new Set();
  // One prepared statement whatever the batch's size: the ids travel as one JSON array.
  const found = cachedStatement<[string], string>(db, 'SELECT contact_id FROM contacts WHERE contact_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(contactIds));
  return new Set(found);
}

/** The custom-field keys of a campaign's completed uploads: the merge fields its scripts may use besides the built-ins. */
export function customFieldsOf(db: Database.Database, campaignId: string): string[] {
  return cachedStatement<[string], string>(
    db,
    `SELECT DISTINCT value FROM contact_uploads, json_each(contact_uploads.custom_fields) WHERE campaign_id = ? AND status = 'completed' ORDER BY value`,
  )
    .pluck()
    .all(campaignId);
}

export function findUpload(db: Database.Database, uploadId: string): UploadRecord | undefined {
  const row = cachedStatement<[string], UploadRow>(db, 'SELECT * FROM contact_uploads WHERE id = ?').get(uploadId);
  return row && toUpload(row);
}

export function listUploads(db: Database.Database, campaignId: string): UploadRecord[] {
  return cachedStatement<[string], UploadRow>(db, 'SELECT * FROM contact_uploads WHERE campaign_id = ? ORDER BY started_at DESC, id').all(campaignId).map(toUpload);
}

/** Which of these numbers the organization must never text. */
export function optedOutAmong(db: Database.Database, organizationId: string, phones: readonly string[]): Set<string> {
  if (phones.length === 0) return new Set();
  const found = cachedStatement<[string, string], string>(db, 'SELECT phone FROM opt_outs WHERE organization_id = ? AND phone IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(organizationId, JSON.stringify(phones));
  return new Set(found);
}

export function listOptOuts(db: Database.Database, organizationId: string, query: { search?: string; limit: number; offset: number }) {
  const digits = query.search?.replace(/\D/g, '') ?? '';
  const filter = digits ? 'AND phone LIKE ?' : '';
  const params: unknown[] = digits ? [organizationId, `%${digits}%`] : [organizationId];
  const total = db.prepare<unknown[], number>(`SELECT count(*) FROM opt_outs WHERE organization_id = ? ${filter}`).pluck().get(...params)!;
  const rows = db
    .prepare<unknown[], { phone: string; source: string; opted_out_at: string }>(
      `SELECT phone, source, opted_out_at FROM opt_outs WHERE organization_id = ? ${filter} ORDER BY opted_out_at DESC, phone LIMIT ? OFFSET ?`,
    )
    .all(...params, query.limit, query.offset);
  return { optOuts: rows.map((r) => ({ phone: r.phone, source: r.source, optedOutAt: r.opted_out_at })), total };
}
