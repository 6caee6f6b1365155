import { join } from 'node:path';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { median } from '../shared/percentiles.js';
import { progress } from '../shared/progress.js';
import { withTempDir } from '../shared/temp-dir.js';
import type { AppendPlan } from './append-plan.js';
import { runRawRound, type RawRoundResult } from './raw-insert-round.js';
import { runStoreRound, type StoreRoundResult } from './store-round.js';

const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 20;
const ROUNDS = 3;

const planFor = (quick: boolean): AppendPlan => ({
  events: quick ? 20_000 : 100_000,
  appenders: 100,
  rawBatchSize: 100,
  streams: 1_000,
  maxMs: quick ? 3_000 : 40_000,
});

/**
 * Store appends against the disk's raw insert rate, measured in the same
 * process in alternating rounds (store first, then raw first) so that the
 * noise of a shared machine falls on both.
 */
export async function runAppendBench(options: BenchOptions): Promise<BenchOutcome> {
  const plan = planFor(options.quick);
  // A fresh directory per round: every round starts from empty files.
  const storeRoundOf = (roundPlan: AppendPlan) => withTempDir('append', async (dir) => runStoreRound(join(dir, 'events.db'), roundPlan));
  const rawRoundOf = (roundPlan: AppendPlan) => withTempDir('append-raw', async (dir) => runRawRound(join(dir, 'events.db'), roundPlan));

  const warmUp: AppendPlan = { ...plan, events: 2_000 };
  progress('append: warming up (not measured)');
  await storeRoundOf(warmUp);
  await rawRoundOf(warmUp);

  const store: StoreRoundResult[] = [];
  const raw: RawRoundResult[] = [];
  const storeRound = async () => {
    const result = await storeRoundOf(plan);
    store.push(result);
    progress(
      `append: store ${result.events} events, ${Math.round(result.eventsPerSecond)}/s, p50 ${result.p50Ms.toFixed(2)} ms, ` +
        `p99 ${result.p99Ms.toFixed(2)} ms, event loop p99 ${result.eventLoopP99Ms.toFixed(2)} ms, ` +
        `${result.meanGroupSize.toFixed(1)} appends per commit`,
    );
  };
  const rawRound = async () => {
    const result = await rawRoundOf(plan);
    raw.push(result);
    progress(`append: raw ${result.events} rows, ${Math.round(result.eventsPerSecond)}/s`);
  };
  for (let round = 0; round < ROUNDS; round++) {
    progress(`append: round ${round + 1} of ${ROUNDS}`);
    if (round % 2 === 0) {
      await storeRound();
      await rawRound();
    } else {
      await rawRound();
      await storeRound();
    }
  }
  const truncated = [...store, ...raw].some((r) => r.events < plan.events);
  if (truncated) progress(`append: note: some rounds hit the ${plan.maxMs} ms cap before ${plan.events} events`);

  const eventsPerSecond = median(store.map((r) => r.eventsPerSecond));
  const rawEventsPerSecond = median(raw.map((r) => r.eventsPerSecond));
  const figures = {
    events_per_s: Math.round(eventsPerSecond),
    raw_events_per_s: Math.round(rawEventsPerSecond),
    ratio: rounded(eventsPerSecond / rawEventsPerSecond, 3),
    p50_ms: rounded(median(store.map((r) => r.p50Ms))),
    p99_ms: rounded(median(store.map((r) => r.p99Ms))),
    event_loop_p99_ms: rounded(median(store.map((r) => r.eventLoopP99Ms))),
    events: store.reduce((sum, r) => sum + r.events, 0),
    rounds: ROUNDS,
    appenders: plan.appenders,
    streams: plan.streams,
    goal_ratio: GOAL_RATIO,
    goal_p99_ms: GOAL_P99_MS,
  };
  progress(
    `append: ratio ${figures.ratio} (goal >= ${GOAL_RATIO}), p99 ${figures.p99_ms} ms (goal <= ${GOAL_P99_MS}); ` +
      'figures are medians of the rounds, events is the total the store appended',
  );
  return { figures, ok: true };
}
