import { cleanCell } from '../cells/clean-cell.js';
import type { PhoneNormaliser } from '../phone/phone-normaliser.js';
import { areaCodeHint } from '../zip/area-code-hint.js';
import { timeZoneOfZip, zip5Of } from '../zip/zip-time-zone.js';
import type { RowPlan } from './row-plan.js';
import type { RowResult } from './row-result.js';

/** One data row to a contact or a reason; duplicates are found later, across batches. */
export function validateRow(cells: readonly string[], row: number, plan: RowPlan, phones: PhoneNormaliser): RowResult {
  if (cells.length > plan.width) {
    const message = `Row ${row}: has ${cells.length} cells but the header has ${plan.width} columns (an unquoted comma?).`;
    return { rejected: { row, reason: 'row_too_wide', message, cells } };
  }
  const phone = phones.normalise(cleanCell(cells[plan.phone]));
  if (!phone.ok) return { rejected: { row, reason: phone.problem, message: `Row ${row}: ${phone.message}`, cells } };
  const zip = plan.zip === -1 ? null : zip5Of(cleanCell(cells[plan.zip]));
  const timeZone = zip === null ? null : timeZoneOfZip(zip);
  const customFields: Record<string, string> = {};
  for (const [column, key] of plan.custom) {
    const value = cleanCell(cells[column]);
    if (value !== '') customFields[key] = value;
  }
  return {
    accepted: {
      row,
      phone: phone.e164,
      country: phone.country,
      firstName: plan.firstName === -1 ? '' : cleanCell(cells[plan.firstName]),
      lastName: plan.lastName === -1 ? '' : cleanCell(cells[plan.lastName]),
      zip,
      timeZone,
      areaCodeHint: timeZone === null ? areaCodeHint(phone.e164) : null,
      externalId: plan.externalId === -1 ? null : cleanCell(cells[plan.externalId]) || null,
      customFields,
    },
  };
}
