import type { ColumnMappingSchema } from '@textbank/contracts';
import { freeMergeFieldKey, MERGE_FIELD_KEY, mergeFieldKey } from './merge-field-key';

export type ColumnRole = ColumnMappingSchema['columns'][number];
export type ContactField = Extract<ColumnRole, { kind: 'field' }>['field'];
/** What the select of one column says. */
export type ColumnChoice = ContactField | 'custom' | 'ignore';

const FIELD_LABELS: Record<ContactField, string> = { phone: 'Phone', firstName: 'First name', lastName: 'Last name', zip: 'ZIP', externalId: 'External id' };
const FIELDS = Object.keys(FIELD_LABELS) as ContactField[];

export const COLUMN_CHOICES: ReadonlyArray<{ value: ColumnChoice; label: string }> = [
  ...FIELDS.map((field) => ({ value: field, label: FIELD_LABELS[field] })),
  { value: 'custom', label: 'Custom field' },
  { value: 'ignore', label: 'Ignore' },
];

export function choiceOf(role: ColumnRole): ColumnChoice {
  return role.kind === 'field' ? role.field : role.kind;
}

/**
 * The mapping with one column's choice changed. A column made a custom field
 * gets a key from its header that no other column uses; nothing else moves, so
 * a choice never silently changes another column (problems are named instead).
 */
export function withChoice(mapping: ColumnMappingSchema, column: number, choice: ColumnChoice): ColumnMappingSchema {
  const current = mapping.columns[column];
  if (!current || choiceOf(current) === choice) return mapping;
  const role: ColumnRole =
    choice === 'ignore' ? { kind: 'ignore' }
    : choice === 'custom' ? { kind: 'custom', key: freeMergeFieldKey(mapping.headers[column] ?? '', column, keysBesides(mapping, column)) }
    : { kind: 'field', field: choice };
  return { ...mapping, columns: mapping.columns.map((each, i) => (i === column ? role : each)) };
}

/** The mapping with a custom column's key as typed, normalised (lower case, words joined by _). */
export function withCustomKey(mapping: ColumnMappingSchema, column: number, typed: string): ColumnMappingSchema {
  if (mapping.columns[column]?.kind !== 'custom') return mapping;
  const key = mergeFieldKey(typed);
  return { ...mapping, columns: mapping.columns.map((each, i) => (i === column ? { kind: 'custom', key } : each)) };
}

/**
 * What stops this mapping from being uploaded, in sentences; [] when it may go.
 * The server checks the same (exactly one phone column, each field once, keys
 * that can be merge fields and are not shared); saying it here spares a round trip.
 */
export function mappingProblems(mapping: ColumnMappingSchema): string[] {
  const problems: string[] = [];
  const name = (column: number) => `“${mapping.headers[column]?.trim() || `column ${column + 1}`}”`;
  const columnsWith = (test: (role: ColumnRole) => boolean) => mapping.columns.flatMap((role, i) => (test(role) ? [i] : []));
  for (const field of FIELDS) {
    const columns = columnsWith((role) => role.kind === 'field' && role.field === field);
    if (field === 'phone' && columns.length === 0) problems.push('Choose the column that holds the phone numbers: exactly one column must be Phone.');
    if (columns.length > 1) problems.push(`Only one column can be ${FIELD_LABELS[field]}; ${listOf(columns.map(name))} ${columns.length === 2 ? 'both' : 'all'} are. Choose one and set the others to Custom field or Ignore.`);
  }
  const byKey = new Map<string, number[]>();
  mapping.columns.forEach((role, i) => {
    if (role.kind !== 'custom') return;
    if (!MERGE_FIELD_KEY.test(role.key)) problems.push(`The custom field of ${name(i)} needs a name that starts with a letter, in lower-case letters, digits and _.`);
    else byKey.set(role.key, [...(byKey.get(role.key) ?? []), i]);
  });
  for (const [key, columns] of byKey) if (columns.length > 1) problems.push(`${listOf(columns.map(name))} would ${columns.length === 2 ? 'both' : 'all'} be the merge field {${key}}: give each its own name.`);
  return problems;
}

/** What the upload will keep besides the contact fields, e.g. "2 custom fields, 1 column ignored." */
export function mappingSummary(mapping: ColumnMappingSchema): string {
  const custom = mapping.columns.filter((role) => role.kind === 'custom').length;
  const ignored = mapping.columns.filter((role) => role.kind === 'ignore').length;
  const parts = [`${custom} custom field${custom === 1 ? '' : 's'}`, `${ignored} column${ignored === 1 ? '' : 's'} ignored`];
  return `${parts.join(', ')}.`;
}

function keysBesides(mapping: ColumnMappingSchema, column: number): Set<string> {
  return new Set(mapping.columns.flatMap((role, i) => (role.kind === 'custom' && i !== column ? [role.key] : [])));
}

function listOf(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
