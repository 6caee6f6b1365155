import { cachedStatement, type ContactRecord } from '@textbank/projections';
import type Database from 'better-sqlite3';

interface Row {
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

/** One visible contact by id (an unfinished upload's contacts are not visible). */
export function contactRecord(db: Database.Database, contactId: string): ContactRecord | undefined {
  const row = cachedStatement<[string], Row>(db, 'SELECT * FROM contacts WHERE contact_id = ?').get(contactId);
  if (!row) return undefined;
  return {
    id: row.contact_id,
    campaignId: row.campaign_id,
    uploadId: row.upload_id,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    zip: row.zip,
    timeZone: row.time_zone,
    externalId: row.external_id,
    fields: JSON.parse(row.fields) as Record<string, string>,
  };
}
