import type { RowPlan } from '../validation/row-plan.js';
import type { RowResult } from '../validation/row-result.js';
import { batchValidator, type RowBatch } from '../validation/validate-batch.js';
import { ValidationPool } from '../validation/validation-pool.js';
import { validationWorkerScript } from '../validation/worker-script.js';

/**
 * Measured on the 2-core machine (bench/parse-validate.mjs, 1,000,000 rows):
 * on the calling thread 66k rows/s, with 2 workers 22k rows/s: once the
 * prefix memo answers most numbers, copying batches to and from workers costs
 * more than validating them. So workers are opt-in until that is fixed.
 */
export function defaultWorkerCount(): number {
  return 0;
}

/**
 * Validation on this thread for the first batch, then on worker threads: a
 * small file never pays for starting workers, a large one is validated on
 * every core. Without a compiled worker script (see worker-script.ts) it
 * stays on this thread.
 */
export class BatchValidation {
  private readonly inline: (batch: RowBatch) => RowResult[];
  private pool: ValidationPool | null = null;
  private batches = 0;
  private readonly script: URL | null;

  constructor(
    private readonly plan: RowPlan,
    private readonly workers: number,
  ) {
    this.inline = batchValidator(plan);
    this.script = workers > 0 ? validationWorkerScript() : null;
  }

  /** Whether batches go to worker threads (after the first). */
  get parallel(): boolean {
    return this.script !== null;
  }

  validate(batch: RowBatch): Promise<RowResult[]> {
    if (this.batches++ === 0 || this.script === null) return Promise.resolve(this.inline(batch));
    this.pool ??= new ValidationPool(this.script, this.plan, this.workers);
    return this.pool.validate(batch);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
