import { Agent } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createVolunteerInvite, setUpOrganization } from '../shared/api-session.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { startApiInProcess, type ApiInProcess } from '../shared/in-process-api.js';
import { percentile } from '../shared/percentiles.js';
import { progress } from '../shared/progress.js';
import { withTempDir } from '../shared/temp-dir.js';
import { timeHashing } from './password-hash-time.js';
import { runCrowd } from './volunteer-crowd.js';
import { verifyCrowd } from './verify-crowd.js';

/** libuv's default when UV_THREADPOOL_SIZE is not set. */
const DEFAULT_THREADPOOL_SIZE = 4;
/** Hashes at once per pool thread when measuring the rate with the pool full. */
const HASH_BURST_PER_THREAD = 8;
/** Generous: each volunteer makes two requests, so a run ends within twice this even if the API stops answering. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * A texting night: every volunteer opens the one invite link at once, joins
 * (a password hash each) and signs in again from another device (a hash
 * check each). The API runs in this process; the crowd reaches it over HTTP
 * on 127.0.0.1 through a keep-alive agent with a socket per volunteer.
 */
export async function runJoinBench(options: BenchOptions): Promise<BenchOutcome> {
  const volunteers = options.quick ? 150 : 500;
  const threadPoolSize = Number(process.env.UV_THREADPOOL_SIZE ?? DEFAULT_THREADPOOL_SIZE);

  progress('join: timing the argon2id hash (19 MiB, 2 passes, 1 lane) the API hashes passwords with');
  const hashing = await timeHashing(options.quick ? 5 : 11, HASH_BURST_PER_THREAD * threadPoolSize);
  // Joins hash, sign-ins verify: two argon2 runs a volunteer, however the requests interleave.
  const hashFloorSeconds = (2 * volunteers) / hashing.perSecond;
  progress(
    `join: one hash takes ${hashing.medianMs.toFixed(1)} ms alone; with the thread pool (${threadPoolSize}) full, ` +
      `${Math.round(hashing.perSecond)} hashes/s on ${availableParallelism()} cores: ${2 * volunteers} hashes need ${hashFloorSeconds.toFixed(1)} s`,
  );

  return withTempDir('join', async (dir) => {
    const agent = new Agent({ keepAlive: true, maxSockets: volunteers + 4 });
    let api: ApiInProcess | undefined;
    try {
      progress('join: starting the API');
      api = await startApiInProcess(join(dir, 'data'));
      const owner = await setUpOrganization(api.url, agent);
      const invite = await createVolunteerInvite(owner, volunteers);
      progress(`join: API at ${api.url}; one invite link for ${volunteers}; ${volunteers} volunteers join and sign in at once`);

      const crowd = await runCrowd({ url: api.url, agent, token: invite.token, volunteers, requestTimeoutMs: REQUEST_TIMEOUT_MS });
      const joinsPerSecond = volunteers / crowd.seconds;
      progress(
        `join: ${crowd.succeeded} of ${volunteers} joined and signed in, ${crowd.failed} failed, in ${crowd.seconds.toFixed(2)} s ` +
          `(${Math.round(joinsPerSecond)}/s; the hashes alone take ${hashFloorSeconds.toFixed(1)} s)`,
      );
      progress(
        `join: the event loop (API and crowd) was busy ${Math.round(crowd.eventLoopUtilization * 100)}% of that time; ` +
          `timers ran up to ${crowd.eventLoopP99Ms.toFixed(1)} ms late (p99)`,
      );
      for (const failure of crowd.failures) progress(`join: FAILED: ${failure}`);

      const problems = await verifyCrowd(owner, invite.id, crowd.emails);
      for (const problem of problems) progress(`join: NOT VERIFIED: ${problem}`);
      const verified = problems.length === 0;

      const figures = {
        joins_per_s: rounded(joinsPerSecond, 1),
        p50_ms: rounded(percentile(crowd.totalMs, 50)),
        p99_ms: rounded(percentile(crowd.totalMs, 99)),
        join_p99_ms: rounded(percentile(crowd.joinMs, 99)),
        sign_in_p99_ms: rounded(percentile(crowd.signInMs, 99)),
        succeeded: crowd.succeeded,
        volunteers,
        seconds: rounded(crowd.seconds),
        hash_ms: rounded(hashing.medianMs),
        hashes_per_s: Math.round(hashing.perSecond),
        uv_threadpool_size: threadPoolSize,
        event_loop_utilization: rounded(crowd.eventLoopUtilization),
        event_loop_p99_ms: rounded(crowd.eventLoopP99Ms),
        verified,
      };
      progress(
        `join: per volunteer, join p50 ${rounded(percentile(crowd.joinMs, 50))} ms, p99 ${figures.join_p99_ms} ms; ` +
          `sign-in p50 ${rounded(percentile(crowd.signInMs, 50))} ms, p99 ${figures.sign_in_p99_ms} ms; ` +
          `end to end p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms`,
      );
      return { figures, ok: crowd.succeeded === volunteers && verified };
    } finally {
      await api?.stop();
      agent.destroy();
    }
  });
}
