import type { ContactField } from './contact-field.js';

/** What one column of the file becomes. */
export type ColumnRole =
  | { readonly kind: 'field'; readonly field: ContactField }
  | { readonly kind: 'custom'; readonly key: string }
  | { readonly kind: 'ignore' };

/**
 * The admin's decision for every column of one file, in column order. The
 * headers are kept so that a mapping made for another file is refused
 * instead of silently reading the wrong columns.
 */
export interface ColumnMapping {
  readonly headers: readonly string[];
  readonly columns: readonly ColumnRole[];
}
