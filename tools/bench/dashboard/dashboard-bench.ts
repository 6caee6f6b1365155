import { dashboardViewsOf, eventStoreOf } from '@textbank/api';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { nextMessage } from '../shared/child-messages.js';
import { createCampaign, setUpOrganization } from '../shared/api-session.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { startApiInProcess } from '../shared/in-process-api.js';
import { percentile } from '../shared/percentiles.js';
import { cpuSecondsOf } from '../shared/process-cpu.js';
import { progress } from '../shared/progress.js';
import { stopChild } from '../shared/stop-child.js';
import { withTempDir } from '../shared/temp-dir.js';
import { dashboardLatencies } from './dashboard-latency.js';
import { comparable, type FromDashboardFleet, type ToDashboardFleet } from './dashboard-messages.js';
import { TextingTraffic } from './texting-traffic.js';

const CLIENT_SCRIPT = fileURLToPath(new URL('./dashboard-clients.js', import.meta.url));
const EVENTS_PER_S = 1_000;
const CAMPAIGNS = 10;
const TEXTERS = 100;
const GOAL_P99_MS = 100;
/** Quiet for longer than the heartbeat: every room has heard its final numbers. */
const QUIET_MS = 2_500;
const QUIET_TIMEOUT_MS = 120_000;

/** Waits until the read models' position has not moved for QUIET_MS. */
async function quiet(position: () => string): Promise<void> {
  const deadline = performance.now() + QUIET_TIMEOUT_MS;
  let last = position();
  for (;;) {
    await sleep(QUIET_MS);
    const now = position();
    if (now === last || performance.now() > deadline) return;
    last = now;
  }
}

/**
 * Log to screen for live dashboards: half the sockets are admins on campaign
 * dashboards (spread over 10 campaigns), half volunteers on their homes
 * (100 texters), all in their own process; texting traffic (sends,
 * deliveries, replies, opt-outs) is appended to the log of the API running
 * here. Latency = push arrival - append of each event the push's view
 * includes, per client it concerns. Stale = clients whose last view differs
 * from the read model's once the traffic stops.
 */
export async function runDashboardBench(options: BenchOptions): Promise<BenchOutcome> {
  const sockets = options.quick ? 200 : 1_000;
  const seconds = options.quick ? 5 : 20;
  return withTempDir('dashboard', async (dir) => {
    const agent = new Agent({ keepAlive: true });
    const api = await startApiInProcess(join(dir, 'data'));
    const child = fork(CLIENT_SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const send = (message: ToDashboardFleet) => child.send(message);
    try {
      const owner = await setUpOrganization(api.url, agent);
      const campaignIds: string[] = [];
      for (let i = 0; i < CAMPAIGNS; i++) campaignIds.push(await createCampaign(owner, `Campaign ${i}`));
      const texterIds = Array.from({ length: TEXTERS }, () => randomUUID());
      // Every socket signs in as the owner (who may follow any home): joining 500 volunteers is the join bench's work.
      const topics = Array.from({ length: sockets }, (_, i) => (i % 2 === 0 ? `dashboard:${campaignIds[(i / 2) % CAMPAIGNS]}` : `home:${texterIds[((i - 1) / 2) % TEXTERS]}`));
      progress(`dashboard: API at ${api.url}; connecting ${sockets} sockets in their own process`);
      const ready = await nextMessage<FromDashboardFleet, 'ready'>(child, 'ready', 120_000, () => send({ type: 'start', config: { url: api.url, cookie: owner.cookie, topics } }));
      progress(`dashboard: sockets connected and following in ${ready.seconds.toFixed(1)} s`);

      const traffic = new TextingTraffic(eventStoreOf(api.app), campaignIds, texterIds);
      await traffic.drive(EVENTS_PER_S, 1);
      progress(`dashboard: warmed up; appending ${EVENTS_PER_S} events/s for ${seconds} s`);
      const cpuBefore = cpuSecondsOf(process.pid) ?? 0;
      const startedAt = performance.now();
      const drive = await traffic.drive(EVENTS_PER_S, seconds);
      const cpuPct = (((cpuSecondsOf(process.pid) ?? 0) - cpuBefore) / ((performance.now() - startedAt) / 1000)) * 100;
      // The API's dispatcher still works through texts queued during the drive (each ends as a
      // MessageNotSent: these campaigns never launched): compare once the log has been quiet.
      const views = dashboardViewsOf(api.app);
      await quiet(() => views.push('overview')!.view.position);

      const report = await nextMessage<FromDashboardFleet, 'report'>(child, 'report', 60_000, () => send({ type: 'report' }));
      const { latenciesMs, missed } = dashboardLatencies(drive.appended, report.clients);
      const staleClients = report.clients.filter((client) => {
        const now = views.push(client.topic as never);
        return !now || comparable(now.view) !== client.last;
      });
      const stale = staleClients.length;
      for (const client of staleClients.slice(0, 2)) {
        progress(`dashboard: STALE ${client.topic}: last pushed ${client.last.slice(0, 300)} vs now ${comparable(views.push(client.topic as never)!.view).slice(0, 300)}`);
      }
      progress(`dashboard: ${drive.appended.length} events in ${drive.seconds.toFixed(1)} s; ${latenciesMs.length} reflections measured, ${missed} never reflected; ${report.disconnects} disconnects`);
      progress(`dashboard: CPU of the API and the driver (100% = one core): ${Math.round(cpuPct)}%; goal p99 <= ${GOAL_P99_MS} ms, stale 0`);
      const figures = {
        sockets,
        events_per_s: Math.round(drive.appended.length / drive.seconds),
        p50_ms: rounded(percentile(latenciesMs, 50)),
        p99_ms: rounded(percentile(latenciesMs, 99)),
        cpu_pct: Math.round(cpuPct),
        stale,
      };
      return { figures, ok: stale === 0 && missed === 0 && report.disconnects === 0, bare: true };
    } finally {
      await stopChild(child);
      await api.stop();
      agent.destroy();
    }
  });
}
