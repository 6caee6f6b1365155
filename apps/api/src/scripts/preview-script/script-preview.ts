import type { SampleContact, ScriptPreview, ScriptView } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { BUILT_IN_MERGE_FIELDS, measureText, mergeValues, renderScript } from '@textbank/message-text';

interface ContactRow {
  first_name: string;
  last_name: string;
  fields: string;
}

const toSample = (row: ContactRow, allowed: readonly string[]): SampleContact => {
  const fields = JSON.parse(row.fields) as Record<string, string>;
  return { firstName: row.first_name, lastName: row.last_name, customFields: Object.fromEntries(allowed.filter((name) => name in fields).map((name) => [name, fields[name] ?? ''])) };
};

/**
 * The campaign's own contacts (two of them), then one with every field empty,
 * so the preview always shows what an empty field does. Before any upload:
 * the samples below.
 */
export function realSampleContacts(db: Database.Database, campaignId: string, allowedFields: readonly string[]): SampleContact[] {
  const first = db.prepare('SELECT first_name, last_name, fields FROM contacts WHERE campaign_id = ? LIMIT 2').all(campaignId) as ContactRow[];
  if (first.length === 0) return defaultSampleContacts(allowedFields);
  const custom = allowedFields.filter((name) => !(BUILT_IN_MERGE_FIELDS as readonly string[]).includes(name));
  return [...first.map((row) => toSample(row, custom)), { firstName: '', lastName: '', customFields: {} }];
}

/**
 * Before any upload: one contact with every field filled
 * (a custom field reads as its own name, "polling place") and one with every
 * field empty, which shows what the text says then.
 */
export function defaultSampleContacts(allowedFields: readonly string[]): SampleContact[] {
  const custom = allowedFields.filter((name) => !(BUILT_IN_MERGE_FIELDS as readonly string[]).includes(name));
  return [
    { firstName: 'Maria', lastName: 'Lopez', customFields: Object.fromEntries(custom.map((name) => [name, name.replace(/_/g, ' ')])) },
    { firstName: '', lastName: '', customFields: {} },
  ];
}

/** Every variant of the script rendered for every sample contact, with its length and encoding. */
export function previewScript(script: ScriptView, contacts: readonly SampleContact[], texterFirstName: string): ScriptPreview {
  const previews = script.variants.flatMap((variant) =>
    contacts.map((contact) => {
      const { text, emptyFields } = renderScript(variant.body, mergeValues(contact, { firstName: texterFirstName }));
      const measure = measureText(text);
      return { variantId: variant.variantId, contact, text, emptyFields: [...emptyFields], measure: { ...measure, ucs2Characters: [...measure.ucs2Characters] } };
    }),
  );
  return { version: script.version, previews };
}
