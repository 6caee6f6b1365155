import { PhoneNormaliser } from '../phone/phone-normaliser.js';
import type { RowPlan } from './row-plan.js';
import type { RowResult } from './row-result.js';
import { validateRow } from './validate-row.js';

/** The unit of work sent to a validation worker (or validated in place). */
export interface RowBatch {
  readonly cells: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

/** Validates batches with one PhoneNormaliser, so its prefix memo serves every batch of the import. */
export function batchValidator(plan: RowPlan): (batch: RowBatch) => RowResult[] {
  const phones = new PhoneNormaliser(plan.phoneOptions);
  return (batch) => batch.cells.map((cells, i) => validateRow(cells, batch.lines[i]!, plan, phones));
}
