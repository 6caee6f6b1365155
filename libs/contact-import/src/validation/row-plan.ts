import type { ColumnMapping } from '../mapping/column-mapping.js';
import type { ContactField } from '../mapping/contact-field.js';
import { DEFAULT_PHONE_OPTIONS, type PhoneOptions } from '../phone/phone-normaliser.js';

/** A checked mapping compiled to column indexes: plain data, so it can be sent to a worker. */
export interface RowPlan {
  readonly width: number;
  readonly phone: number;
  readonly firstName: number;
  readonly lastName: number;
  readonly zip: number;
  readonly externalId: number;
  readonly custom: readonly (readonly [column: number, key: string])[];
  readonly phoneOptions: PhoneOptions;
}

export function rowPlanOf(mapping: ColumnMapping, phoneOptions: PhoneOptions = DEFAULT_PHONE_OPTIONS): RowPlan {
  const columnOf = (field: ContactField) => mapping.columns.findIndex((role) => role.kind === 'field' && role.field === field);
  return {
    width: mapping.columns.length,
    phone: columnOf('phone'),
    firstName: columnOf('firstName'),
    lastName: columnOf('lastName'),
    zip: columnOf('zip'),
    externalId: columnOf('externalId'),
    custom: mapping.columns.flatMap((role, column) => (role.kind === 'custom' ? [[column, role.key] as const] : [])),
    phoneOptions,
  };
}
