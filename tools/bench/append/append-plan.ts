import { campaignStream } from '@textbank/domain';
import { randomUUID } from 'node:crypto';

/** One round's shape, the same for the store and for the raw baseline. */
export interface AppendPlan {
  readonly events: number;
  /** Appends in flight at once (store) / rows per transaction (raw). */
  readonly appenders: number;
  readonly rawBatchSize: number;
  /** Event i goes to stream i % streams, at revision floor(i / streams). */
  readonly streams: number;
  /** A round stops issuing after this long, so a slow disk cannot stretch the run without bound. */
  readonly maxMs: number;
}

export interface BenchStream {
  readonly campaignId: string;
  readonly name: string;
}

export function benchStreams(count: number): BenchStream[] {
  return Array.from({ length: count }, () => {
    const campaignId = randomUUID();
    return { campaignId, name: campaignStream(campaignId) };
  });
}
