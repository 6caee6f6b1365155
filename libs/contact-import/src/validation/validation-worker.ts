import { parentPort, workerData } from 'node:worker_threads';
import type { RowPlan } from './row-plan.js';
import { batchValidator, type RowBatch } from './validate-batch.js';

/** Worker thread entry: validates the batches posted by ValidationPool, one at a time, in order. */
const validate = batchValidator((workerData as { plan: RowPlan }).plan);

parentPort!.on('message', ({ id, batch }: { id: number; batch: RowBatch }) => {
  try {
    parentPort!.postMessage({ id, results: validate(batch) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
