import type { ColumnMapping, ColumnRole } from './column-mapping.js';
import { CONTACT_FIELDS, type ContactField } from './contact-field.js';
import { customFieldKeys } from './custom-field-key.js';
import { HEADER_ALIASES, headerKey } from './header-aliases.js';

/**
 * The mapping screen's first guess: each field goes to the column whose header
 * is its best-ranked alias (leftmost on a tie); when no header names a phone,
 * the column whose sample values are mostly phone numbers. Every other column
 * becomes a custom field, so nothing is dropped unless the admin says so.
 */
export function guessMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[] = [],
  looksLikePhone: (cell: string) => boolean = () => false,
): ColumnMapping {
  const keys = headers.map(headerKey);
  const fieldOf = new Map<number, ContactField>();
  for (const field of CONTACT_FIELDS) {
    const column = bestAliasColumn(keys, HEADER_ALIASES[field], fieldOf);
    if (column !== undefined) fieldOf.set(column, field);
  }
  if (![...fieldOf.values()].includes('phone')) {
    const column = phoneByContent(headers.length, sampleRows, looksLikePhone, fieldOf);
    if (column !== undefined) fieldOf.set(column, 'phone');
  }
  const customColumns = headers.map((_, i) => i).filter((i) => !fieldOf.has(i));
  // a blank header is named after its place in the file, not among the custom columns
  const customKeys = customFieldKeys(customColumns.map((i) => headers[i]!.trim() || `column ${i + 1}`));
  const columns = headers.map((_, i): ColumnRole => {
    const field = fieldOf.get(i);
    return field ? { kind: 'field', field } : { kind: 'custom', key: customKeys[customColumns.indexOf(i)]! };
  });
  return { headers: [...headers], columns };
}

function bestAliasColumn(keys: readonly string[], aliases: readonly string[], taken: ReadonlyMap<number, ContactField>): number | undefined {
  let best: number | undefined;
  let bestRank = Infinity;
  keys.forEach((key, column) => {
    const rank = aliases.indexOf(key);
    if (rank !== -1 && rank < bestRank && !taken.has(column)) {
      best = column;
      bestRank = rank;
    }
  });
  return best;
}

function phoneByContent(
  width: number,
  rows: readonly (readonly string[])[],
  looksLikePhone: (cell: string) => boolean,
  taken: ReadonlyMap<number, ContactField>,
): number | undefined {
  for (let column = 0; column < width; column++) {
    if (taken.has(column)) continue;
    const values = rows.map((row) => row[column]?.trim() ?? '').filter((value) => value !== '');
    if (values.length > 0 && values.filter(looksLikePhone).length * 2 > values.length) return column;
  }
  return undefined;
}
