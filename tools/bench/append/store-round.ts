import type { ExpectedRevision } from '@textbank/event-store';
import { SqliteEventStore } from '@textbank/event-store';
import { startEventLoopDelay } from '../shared/event-loop-delay.js';
import { percentile } from '../shared/percentiles.js';
import { benchStreams, type AppendPlan } from './append-plan.js';
import { campaignRenamed } from './campaign-renamed.js';

export interface StoreRoundResult {
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly eventLoopP99Ms: number;
  /** Appends per group-commit transaction: how well concurrent appends share an fsync. */
  readonly meanGroupSize: number;
}

/**
 * `appenders` concurrent callers, each appending one event at a time with the
 * exact expected revision, as the API's command executor does, to a
 * file-backed store at its default durability (synchronous=FULL).
 */
export async function runStoreRound(path: string, plan: AppendPlan): Promise<StoreRoundResult> {
  const store = new SqliteEventStore({ path });
  const streams = benchStreams(plan.streams);
  // Revisions are assigned in submission order, which is the order group commit applies them in.
  const lastRevision = new Int32Array(plan.streams).fill(-1);
  const latencies = new Float64Array(plan.events);
  let issued = 0;
  const stopDelay = startEventLoopDelay();
  const startedAt = performance.now();
  const deadline = startedAt + plan.maxMs;
  const appender = async (): Promise<void> => {
    while (issued < plan.events && performance.now() < deadline) {
      const i = issued++;
      const s = i % plan.streams;
      const expectedRevision: ExpectedRevision = lastRevision[s] < 0 ? 'no_stream' : BigInt(lastRevision[s]);
      lastRevision[s] += 1;
      const event = campaignRenamed(streams[s].campaignId, i);
      const sentAt = performance.now();
      await store.appendToStream(streams[s].name, [event], { expectedRevision });
      latencies[i] = performance.now() - sentAt;
    }
  };
  let seconds: number;
  let eventLoopP99Ms: number;
  try {
    await Promise.all(Array.from({ length: plan.appenders }, appender));
  } finally {
    seconds = (performance.now() - startedAt) / 1000;
    eventLoopP99Ms = stopDelay();
    await store.close();
  }
  const measured = latencies.subarray(0, issued);
  const { groups, writes } = store.groupStats;
  return {
    events: issued,
    eventsPerSecond: issued / seconds,
    p50Ms: percentile(measured, 50),
    p99Ms: percentile(measured, 99),
    eventLoopP99Ms,
    meanGroupSize: writes / Math.max(groups, 1),
  };
}
