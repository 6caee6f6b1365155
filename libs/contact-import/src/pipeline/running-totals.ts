import type { ImportedContact, RejectedRow, RowResult } from '../validation/row-result.js';
import type { RowBatch } from '../validation/validate-batch.js';
import { DuplicateNumbers } from './duplicate-numbers.js';
import type { ImportBatch } from './import-batch.js';

/** Counts, and drops numbers already seen in the file: runs on the calling thread, in file order. */
export class RunningTotals {
  private readonly duplicates = new DuplicateNumbers();
  private readonly byReason: Partial<Record<RejectedRow['reason'], number>> = {};
  rowsSeen = 0;
  private accepted = 0;
  private invalid = 0;
  private duplicateCount = 0;

  constructor(private readonly bytesRead: () => number) {}

  add(results: readonly RowResult[], cells: RowBatch['cells']): ImportBatch {
    const accepted: ImportedContact[] = [];
    const rejected: RejectedRow[] = [];
    results.forEach((result, i) => {
      if ('rejected' in result) {
        rejected.push(result.rejected);
        this.invalid++;
        this.count(result.rejected.reason);
        return;
      }
      const contact = result.accepted;
      const earlier = this.duplicates.earlierRowOf(contact.phone, contact.row);
      if (earlier === undefined) {
        accepted.push(contact);
        this.accepted++;
        return;
      }
      const message = `Row ${contact.row}: ${contact.phone} is already on row ${earlier}.`;
      rejected.push({ row: contact.row, reason: 'duplicate_in_file', message, cells: cells[i]! });
      this.duplicateCount++;
      this.count('duplicate_in_file');
    });
    this.rowsSeen += results.length;
    return {
      accepted,
      rejected,
      progress: {
        bytesRead: this.bytesRead(),
        rowsSeen: this.rowsSeen,
        accepted: this.accepted,
        invalid: this.invalid,
        duplicates: this.duplicateCount,
        byReason: { ...this.byReason },
      },
    };
  }

  private count(reason: RejectedRow['reason']): void {
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
  }
}
