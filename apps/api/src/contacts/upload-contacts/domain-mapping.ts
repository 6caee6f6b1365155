import type { ColumnMappingSchema } from '@textbank/contracts';
import type { ColumnMapping } from '@textbank/domain';

/** The mapping as the upload's events record it: which header holds each contact field, and the custom fields' keys. */
export function domainMappingOf(mapping: ColumnMappingSchema): ColumnMapping {
  const fields: Record<string, string> = {};
  const customFields: Record<string, string> = {};
  mapping.columns.forEach((role, index) => {
    const header = mapping.headers[index] ?? `column ${index + 1}`;
    if (role.kind === 'field') fields[role.field] = header;
    if (role.kind === 'custom') customFields[header] = role.key;
  });
  return { phone: fields['phone'] ?? '', ...fields, customFields };
}
