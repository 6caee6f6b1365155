import { Agent } from 'node:http';
import { join } from 'node:path';
import { createCampaign, setUpOrganization } from '../shared/api-session.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { percentile } from '../shared/percentiles.js';
import { progress } from '../shared/progress.js';
import { withTempDir } from '../shared/temp-dir.js';
import { ClientFleet } from './client-fleet.js';
import { RenameDriver } from './command-driver.js';
import { startInProcessApi, type InProcessApi } from './in-process-api.js';
import { measureCpuShare } from './cpu-share.js';
import { deliveryProblems } from './delivery-problems.js';
import { pushLatency } from './push-latency.js';

const GOAL_P99_MS = 50;
const TARGET_EVENTS_PER_S = 1_000;
const CAMPAIGNS = 50;
const CLIENTS_PER_CAMPAIGN = 10;
/** After the last command, how long changes still in flight may take to arrive. */
const STRAGGLER_WAIT_MS = 5_000;

/**
 * From command to screen: ChangeCampaignDetails commands on the API's
 * CommandBus (the API runs in this process) while 500 socket clients (10 per
 * campaign, in their own process) follow the campaigns over real sockets.
 * Latency per delivered change = receipt time - the command's send time.
 */
export async function runPushBench(options: BenchOptions): Promise<BenchOutcome> {
  const driveSeconds = options.quick ? 5 : 20;
  // Unmeasured: it warms the JIT, so the figures describe the steady state.
  const warmUpSeconds = options.quick ? 1 : 2;
  return withTempDir('push', async (dir) => {
    const agent = new Agent({ keepAlive: true, maxSockets: CAMPAIGNS + 4 });
    let api: InProcessApi | undefined;
    let fleet: ClientFleet | undefined;
    try {
      progress('push: starting the API');
      api = await startInProcessApi(join(dir, 'data'));
      const session = await setUpOrganization(api.url, agent);
      const campaignIds: string[] = [];
      for (let i = 0; i < CAMPAIGNS; i++) campaignIds.push(await createCampaign(session, `Campaign ${i}`));
      progress(`push: API at ${api.url}, ${CAMPAIGNS} campaigns; connecting ${CAMPAIGNS * CLIENTS_PER_CAMPAIGN} socket clients`);

      const started = await ClientFleet.start({ url: api.url, cookie: session.cookie, campaignIds, clientsPerCampaign: CLIENTS_PER_CAMPAIGN });
      fleet = started.fleet;
      progress(`push: clients connected and synced in ${started.seconds.toFixed(1)} s`);

      const driver = new RenameDriver(api.rename, campaignIds);
      const warmUp = await driver.drive({ eventsPerSecond: TARGET_EVENTS_PER_S, seconds: warmUpSeconds });
      await fleet.waitForReceived(warmUp.accepted * CLIENTS_PER_CAMPAIGN, STRAGGLER_WAIT_MS);
      progress(`push: warm-up: ${warmUp.accepted} commands in ${warmUp.seconds.toFixed(1)} s (not measured)`);

      progress(`push: driving ${TARGET_EVENTS_PER_S}/s for ${driveSeconds} s`);
      const cpuShare = measureCpuShare({ 'api and driver': process.pid, clients: fleet.pid });
      const drive = await driver.drive({ eventsPerSecond: TARGET_EVENTS_PER_S, seconds: driveSeconds });
      progress(`push: ${cpuShare()}`);
      const eventsPerSecond = drive.accepted / drive.seconds;
      progress(
        `push: ${drive.accepted} commands accepted, ${drive.refused} refused, ${Math.round(eventsPerSecond)}/s; ` +
          `commands answered in p50 ${drive.responseP50Ms} ms, p99 ${drive.responseP99Ms} ms`,
      );
      for (const refusal of drive.refusals) progress(`push: refused: ${refusal}`);
      if (eventsPerSecond < TARGET_EVENTS_PER_S * 0.95) {
        progress(
          `push: note: the target of ${TARGET_EVENTS_PER_S}/s was not reached: with up to ${CAMPAIGNS} commands in flight ` +
            `the API served ${Math.round(eventsPerSecond)}/s on this machine (the latencies include that queueing)`,
        );
      }

      const expected = drive.accepted * CLIENTS_PER_CAMPAIGN;
      await fleet.waitForReceived((warmUp.accepted + drive.accepted) * CLIENTS_PER_CAMPAIGN, STRAGGLER_WAIT_MS);
      const report = await fleet.report();
      const { latenciesMs, unmatched } = pushLatency(report, drive.sentAtByPosition, warmUp.sentAtByPosition);
      const delivered = latenciesMs.length;
      const problems = deliveryProblems(delivered, expected, unmatched, report);
      for (const problem of problems) progress(`push: PROBLEM: ${problem}`);

      const figures = {
        p50_ms: rounded(percentile(latenciesMs, 50)),
        p99_ms: rounded(percentile(latenciesMs, 99)),
        delivered,
        expected,
        events_per_s: Math.round(eventsPerSecond),
        target_events_per_s: TARGET_EVENTS_PER_S,
        seconds: rounded(drive.seconds),
        clients: CAMPAIGNS * CLIENTS_PER_CAMPAIGN,
        rooms: CAMPAIGNS,
        goal_p99_ms: GOAL_P99_MS,
      };
      progress(`push: change reached the clients in p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms (goal <= ${GOAL_P99_MS})`);
      return { figures, ok: problems.length === 0 };
    } finally {
      await fleet?.stop();
      await api?.stop();
      agent.destroy();
    }
  });
}
