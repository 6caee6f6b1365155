import { Worker } from 'node:worker_threads';
import type { RowPlan } from './row-plan.js';
import type { RowResult } from './row-result.js';
import type { RowBatch } from './validate-batch.js';

interface Pending {
  readonly resolve: (results: RowResult[]) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * Worker threads validating batches in parallel: phone parsing is the CPU
 * cost of an import. Each batch goes to the worker with the fewest batches in
 * hand; every submit returns its own promise, so a caller that awaits them in
 * submission order gets results in file order.
 */
export class ValidationPool {
  private readonly workers: PoolWorker[];
  private nextId = 0;
  private failure: Error | null = null;

  constructor(script: URL, plan: RowPlan, size: number) {
    this.workers = Array.from({ length: size }, () => this.start(script, plan));
  }

  validate(batch: RowBatch): Promise<RowResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, batch });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private start(script: URL, plan: RowPlan): PoolWorker {
    const worker = new Worker(script, { workerData: { plan } });
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.on('message', (message: { id: number; results?: RowResult[]; error?: string }) => {
      const pending = entry.pending.get(message.id);
      if (!pending) return;
      entry.pending.delete(message.id);
      if (message.results) pending.resolve(message.results);
      else pending.reject(new Error(`validation worker failed: ${message.error}`));
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 || entry.pending.size > 0) fail(new Error(`validation worker exited with code ${code}`));
    });
    worker.unref();
    return entry;
  }
}
