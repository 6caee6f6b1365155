import { SqliteEventStore } from '@textbank/event-store';
import { allProjectors, openReadModelDatabase, ProjectionRunner } from '@textbank/projections';
import { join } from 'node:path';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { progress } from '../shared/progress.js';
import { withTempDir } from '../shared/temp-dir.js';
import { verifyReadModels } from './verify-read-models.js';
import { writeDomainHistory, type HistoryPlan } from './write-domain-history.js';

const GOAL_EVENTS_PER_S = 50_000;
/** Generous: a rebuild that has not finished by then is reported, not waited on forever. */
const REBUILD_TIMEOUT_MS = 10 * 60_000;

const planFor = (quick: boolean): HistoryPlan => ({
  events: quick ? 50_000 : 200_000,
  campaigns: 1_000,
  people: 200,
  eventsPerAppend: 10,
});

/** A full rebuild of every read model from position 0, as after a projector's version bump or a restore. */
export async function runReplayBench(options: BenchOptions): Promise<BenchOutcome> {
  const plan = planFor(options.quick);
  return withTempDir('replay', async (dir) => {
    const eventsPath = join(dir, 'events.db');
    progress(`replay: writing ${plan.events} events (${plan.campaigns} campaigns, ${plan.people} people; not timed)`);
    // Durability is beside the point while preparing the log.
    const writer = new SqliteEventStore({ path: eventsPath, synchronous: 'OFF' });
    const history = await writeDomainHistory(writer, plan).finally(() => writer.close());

    // Reopened as the API would open it after a restart.
    const store = new SqliteEventStore({ path: eventsPath });
    const readModels = openReadModelDatabase(join(dir, 'read-models.db'));
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(store, readModels, allProjectors, { onError: (error) => errors.push(error) });
    try {
      const head = (await store.headPosition())?.commit ?? 0n;
      progress(`replay: rebuilding all read models up to position ${head}`);
      const startedAt = performance.now();
      runner.start();
      const reached = await runner.waitFor(head, REBUILD_TIMEOUT_MS);
      const seconds = (performance.now() - startedAt) / 1000;
      await runner.stop();

      const problems = verifyReadModels(readModels, history, head);
      if (!reached) problems.push(`the rebuild did not reach ${head} within ${REBUILD_TIMEOUT_MS} ms`);
      for (const error of errors) problems.push(`projection batch failed: ${error instanceof Error ? error.message : String(error)}`);
      for (const problem of problems) progress(`replay: NOT VERIFIED: ${problem}`);
      const eventsPerSecond = history.events / seconds;
      progress(`replay: ${history.events} events in ${seconds.toFixed(2)} s, ${Math.round(eventsPerSecond)}/s (goal ${GOAL_EVENTS_PER_S}/s)`);
      const verified = problems.length === 0;
      return {
        figures: {
          events: history.events,
          seconds: rounded(seconds, 3),
          events_per_s: Math.round(eventsPerSecond),
          goal_events_per_s: GOAL_EVENTS_PER_S,
          verified,
        },
        ok: verified,
      };
    } finally {
      await runner.stop();
      await store.close();
      readModels.close();
    }
  });
}
