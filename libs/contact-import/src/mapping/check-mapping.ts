import { ContactImportError } from '../errors/contact-import-error.js';
import type { ColumnMapping } from './column-mapping.js';
import { CONTACT_FIELDS } from './contact-field.js';
import { MERGE_FIELD_KEY } from './custom-field-key.js';

/** Refuses a mapping that does not fit the file, misses the phone, or names a field twice. */
export function checkMapping(mapping: ColumnMapping, fileHeaders: readonly string[]): void {
  const sameHeaders = mapping.headers.length === fileHeaders.length && mapping.headers.every((header, i) => header === fileHeaders[i]);
  if (!sameHeaders) {
    throw new ContactImportError('invalid_mapping', `The mapping was made for other columns (${mapping.headers.join(', ')}) than this file has (${fileHeaders.join(', ')}).`);
  }
  if (mapping.columns.length !== fileHeaders.length) {
    throw new ContactImportError('invalid_mapping', `The mapping has ${mapping.columns.length} columns; the file has ${fileHeaders.length}.`);
  }
  for (const field of CONTACT_FIELDS) {
    const count = mapping.columns.filter((role) => role.kind === 'field' && role.field === field).length;
    if (field === 'phone' && count === 0) throw new ContactImportError('phone_not_mapped', 'Choose the column that holds the phone numbers.');
    if (count > 1) throw new ContactImportError(field === 'phone' ? 'phone_not_mapped' : 'invalid_mapping', `Only one column can be ${field}; ${count} are.`);
  }
  const keys = new Set<string>();
  for (const role of mapping.columns) {
    if (role.kind !== 'custom') continue;
    if (!MERGE_FIELD_KEY.test(role.key)) {
      throw new ContactImportError('invalid_mapping', `"${role.key}" cannot name a merge field: use lower-case letters, digits and _, starting with a letter.`);
    }
    if (keys.has(role.key)) throw new ContactImportError('invalid_mapping', `Two columns are named "${role.key}".`);
    keys.add(role.key);
  }
}
