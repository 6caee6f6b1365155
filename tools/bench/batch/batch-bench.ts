import Database from 'better-sqlite3';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { measureMachineShare } from '../shared/machine-share.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { BATCH, releaseAll, requestMore, type HandOut } from '../shared/hand-out.js';
import { median, percentile } from '../shared/percentiles.js';
import { stopAndDescribeProfile } from '../shared/profile-summary.js';
import { progress } from '../shared/progress.js';
import { readModelsCaughtUp } from '../shared/read-models-caught-up.js';
import { withTempDir } from '../shared/temp-dir.js';
import { ownershipIn, readTextingStream } from '../shared/texting-log.js';
import { openTextingNight, type TextingNight } from '../shared/texting-night.js';
import type { Texter } from '../shared/texters.js';

const GOAL_P50_MS = 10;
const GOAL_P95_MS = 30;
const TEXTERS = 32;
const ANSWER_TIMEOUT_MS = 60_000;
/** Requests from one texter alone, one after the other: the uncontended baseline. */
const SOLO_REQUESTS = 10;
/** Between rounds, so each round is its own moment: the pushes of the last one have gone out. */
const SETTLE_MS = 300;

/**
 * "Give me 200 more" on a big campaign, everyone at once: a campaign of 1M
 * contacts (100k with --quick) in the built API in its own process; 32
 * texters (their inboxes' sockets open, an admin following the campaign)
 * each POST texting/request {count: 200} in the same tick, round after
 * round; between rounds they release what they got (they may hold at most
 * 200 untexted). Latency per request, client side. Baseline: one texter
 * asking alone, in the same API. Afterwards the texting stream is replayed:
 * no contact may be handed out while someone holds it.
 */
export async function runBatchBench(options: BenchOptions): Promise<BenchOutcome> {
  const contacts = options.quick ? 100_000 : 1_000_000;
  const rounds = options.quick ? 5 : 10;
  const profileDir = process.env.BENCH_API_CPU_PROFILE;

  return withTempDir('batch', async (dir) => {
    const agent = new Agent({ keepAlive: true, maxSockets: TEXTERS + 8 });
    let night: TextingNight | undefined;
    try {
      // Open zones first in the hand-out order: contacts where the hours are open, so a request is the usual case.
      night = await openTextingNight({
        bench: 'batch',
        dir,
        contacts,
        openMinutes: options.quick ? 5 : 15,
        campaignName: 'Bench million',
        texters: TEXTERS,
        agent,
        profile: profileDir !== undefined,
      });
      const { api, campaignId, texters, inboxes, admin } = night;

      const askForMore = (texter: Texter) => requestMore(texter, campaignId, ANSWER_TIMEOUT_MS);
      const release = (who: readonly Texter[]) => releaseAll(who, campaignId, ANSWER_TIMEOUT_MS);
      const problems: string[] = [];
      // The pool holds far more than 32 x 200 and hand-outs are picked under the stream's lock: every request should get its 200.
      let shortHandOuts = 0;
      let falseGone = 0;
      const checkAssigned = (answer: HandOut) => {
        if (answer.gone) falseGone += 1;
        else if (answer.assigned !== BATCH) shortHandOuts += 1;
      };

      // Baseline: one texter, nobody else asking.
      const soloMs: number[] = [];
      for (let i = 0; i < SOLO_REQUESTS + 1; i++) {
        const answer = await askForMore(texters[0]!);
        checkAssigned(answer);
        if (i > 0) soloMs.push(answer.ms); // the first one warms up
        await release([texters[0]!]);
      }
      const soloP50 = median(soloMs);
      progress(`batch: baseline, one texter asking alone: p50 ${rounded(soloP50)} ms, max ${rounded(Math.max(...soloMs))} ms (${SOLO_REQUESTS} requests)`);

      // Warm-up: everyone at once, unmeasured.
      for (const answer of await Promise.all(texters.map(askForMore))) checkAssigned(answer);
      await release(texters);
      await sleep(SETTLE_MS);

      const latencies: number[] = [];
      /** Of the requests that got their 200: the time to contacts. */
      const fullMs: number[] = [];
      const warmUpShort = shortHandOuts + falseGone;
      const roundP50s: number[] = [];
      const releaseMs: number[] = [];
      const cpuShare = measureMachineShare({ api: api.pid, 'texters (bench process)': process.pid });
      for (let round = 1; round <= rounds; round++) {
        // Profiled: every round (the releases between them included: they are a small share).
        if (profileDir !== undefined && round === 1) await api.startProfile();
        const answers = await Promise.all(texters.map(askForMore));
        if (profileDir !== undefined && round === rounds) {
          await stopAndDescribeProfile(api, join(profileDir, `api-batch-${TEXTERS}-requests.cpuprofile`), 'batch', `all ${rounds} rounds and the releases between them`);
        }
        const roundMs = answers.map((answer) => answer.ms);
        for (const answer of answers) checkAssigned(answer);
        latencies.push(...roundMs);
        const full = answers.filter((answer) => answer.assigned === BATCH);
        fullMs.push(...full.map((answer) => answer.ms));
        roundP50s.push(percentile(roundMs, 50));
        progress(
          `batch: round ${round}/${rounds}: ${TEXTERS} requests at once: p50 ${rounded(percentile(roundMs, 50))} ms, p95 ${rounded(percentile(roundMs, 95))} ms, ` +
            `last answered at ${rounded(Math.max(...roundMs))} ms; ${full.length} got ${BATCH}, ${answers.filter((a) => a.gone).length} got 410 "all handed out"`,
        );
        // The last round's hand-outs stay, for the check against the read model.
        if (round < rounds) {
          const startedAt = performance.now();
          await release(texters);
          releaseMs.push(performance.now() - startedAt);
          await sleep(SETTLE_MS);
        }
      }
      progress(`batch: ${cpuShare()}`);
      progress(`batch: ${TEXTERS} releases at once took p50 ${rounded(median(releaseMs))} ms in all (not measured as requests)`);

      const heard = inboxes.reduce((sum, inbox) => sum + inbox.changes, 0);
      const disconnects = [admin, ...inboxes].reduce((sum, socket) => sum + socket.disconnects, 0);
      if (disconnects > 0) problems.push(`${disconnects} sockets dropped`);
      await readModelsCaughtUp(api.url, agent);
      await night.close();

      const ownership = ownershipIn(await readTextingStream(night.eventsDb, campaignId));
      problems.push(...againstReadModel(night.readModelsDb, campaignId, ownership.owners, texters));
      progress(
        `batch: the log holds ${ownership.handOuts} hand-outs; ${ownership.doubleOwned} contacts handed out while someone held them; ` +
          `${ownership.owners.size} held at the end; the inboxes heard ${heard} changes, the admin ${admin.changes}`,
      );
      if (ownership.doubleOwned > 0) problems.push(`${ownership.doubleOwned} contacts had two owners`);
      if (falseGone + shortHandOuts > 0) {
        problems.unshift(
          `hand-out under concurrency: ${falseGone} requests for ${BATCH} were answered 410 "every contact in this campaign has been handed out" ` +
            `and ${shortHandOuts} got fewer than ${BATCH} (${warmUpShort} of them in the baseline and warm-up), with ${contacts.toLocaleString('en-US')} contacts in the pool`,
        );
      }
      for (const problem of problems.slice(0, 10)) progress(`batch: PROBLEM: ${problem}`);

      const p50 = percentile(latencies, 50);
      const p95 = percentile(latencies, 95);
      progress(
        `batch: ${latencies.length} requests (${rounds} rounds of ${TEXTERS} at once) over ${contacts.toLocaleString('en-US')} contacts: ` +
          `p50 ${rounded(p50)} ms (median of round p50s ${rounded(median(roundP50s))} ms), p95 ${rounded(p95)} ms, p99 ${rounded(percentile(latencies, 99))} ms; ` +
          `p50 is ${rounded(p50 / soloP50, 1)}x a lone request's ${rounded(soloP50)} ms; ` +
          `the ${fullMs.length} that got ${BATCH}: p50 ${rounded(percentile(fullMs, 50))} ms, p95 ${rounded(percentile(fullMs, 95))} ms; ` +
          `goal p50 <= ${GOAL_P50_MS} ms, p95 <= ${GOAL_P95_MS} ms: ${p50 <= GOAL_P50_MS && p95 <= GOAL_P95_MS ? 'met' : 'NOT met'}`,
      );
      return {
        ok: problems.length === 0,
        figures: { p50_ms: rounded(p50), p95_ms: rounded(p95), double_owned: ownership.doubleOwned },
      };
    } finally {
      await night?.close();
      agent.destroy();
    }
  });
}

/** The read model agrees with the log: each texter holds in the conversations table exactly what the log's hand-outs left them. */
function againstReadModel(path: string, campaignId: string, owners: ReadonlyMap<string, string>, texters: readonly Texter[]): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare<[string], { texter_id: string; held: number }>('SELECT texter_id, count(*) AS held FROM conversations WHERE campaign_id = ? AND texter_id IS NOT NULL GROUP BY texter_id')
      .all(campaignId);
    const inLog = new Map<string, number>();
    for (const texterId of owners.values()) inLog.set(texterId, (inLog.get(texterId) ?? 0) + 1);
    const differ = texters.filter((texter) => (rows.find((row) => row.texter_id === texter.id)?.held ?? 0) !== (inLog.get(texter.id) ?? 0));
    const strangers = rows.filter((row) => !texters.some((texter) => texter.id === row.texter_id));
    return [
      ...differ.map((texter) => `${texter.name} holds ${rows.find((row) => row.texter_id === texter.id)?.held ?? 0} contacts in the read model, ${inLog.get(texter.id) ?? 0} in the log`),
      ...strangers.map((row) => `${row.texter_id}, no texter of the bench, holds ${row.held} contacts in the read model`),
    ];
  } finally {
    db.close();
  }
}
