import { Agent } from 'node:http';
import { join } from 'node:path';
import { measureMachineShare } from '../shared/machine-share.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { BATCH } from '../shared/hand-out.js';
import { median } from '../shared/percentiles.js';
import { stopAndDescribeProfile } from '../shared/profile-summary.js';
import { progress } from '../shared/progress.js';
import { withTempDir } from '../shared/temp-dir.js';
import { firstTextsIn, readTextingStream } from '../shared/texting-log.js';
import { openTextingNight, type TextingNight } from '../shared/texting-night.js';
import { newTally, runPhase, type PhaseResult, type TexterAtWork, type Transport } from './texter-loop.js';

const GOAL_MSGS_PER_S = 1_800;
const GOAL_P99_MS = 25;
const FEW = 4;
const MANY = 32;

interface Phase {
  readonly label: string;
  readonly transport: Transport;
  readonly texters: number;
}

const PHASES: readonly Phase[] = [
  { label: `socket, ${FEW} texters`, transport: 'socket', texters: FEW },
  { label: `HTTP POST send, ${FEW} texters (baseline)`, transport: 'http', texters: FEW },
  { label: `socket, ${MANY} texters`, transport: 'socket', texters: MANY },
];

const describe = (result: PhaseResult) =>
  `${Math.round(result.msgsPerSecond)} msg/s; send p50 ${rounded(result.sendP50Ms)} ms, p99 ${rounded(result.sendP99Ms)} ms; ` +
  `GET next p50 ${rounded(result.nextP50Ms)} ms, p99 ${rounded(result.nextP99Ms)} ms; ` +
  `${result.requests} requests for 200 more (p50 ${rounded(result.requestP50Ms)} ms); bench event loop p99 delay ${rounded(result.clientLoopP99Ms)} ms`;

/**
 * A texting night's hot path: texters press Send, one contact after another.
 * The built API runs in its own process (a child, with the sandbox carrier);
 * the texters run here, each with their own session and their inbox's socket
 * open (following `texter:<id>`), an admin following the campaign. Each
 * texter loops: the next contact (the message as the web app shows it), one
 * Send over the socket (the ack is the answer and brings the next contact;
 * over HTTP, GET texting/next asks for it), next; "give me 200 more" when
 * none is left. Rounds alternate 4 texters over the socket, the same 4 over
 * HTTP POST send (the baseline, same process, same minute), and 32 over the
 * socket; medians over the rounds.
 */
export async function runSendBench(options: BenchOptions): Promise<BenchOutcome> {
  const rounds = options.quick ? 1 : 3;
  const warmUpMs = options.quick ? 500 : 1_000;
  const windowMs = options.quick ? 3_000 : 10_000;
  // Enough that nobody runs out even at the goal rate: rounds x phases x (warm-up + window) x 1,800/s, and 200 held each.
  const contacts = options.quick ? 60_000 : 250_000;
  const profileDir = process.env.BENCH_API_CPU_PROFILE;

  return withTempDir('send', async (dir) => {
    const agent = new Agent({ keepAlive: true, maxSockets: MANY + 8 });
    let night: TextingNight | undefined;
    try {
      night = await openTextingNight({
        bench: 'send',
        dir,
        contacts,
        openMinutes: options.quick ? 5 : 10,
        campaignName: 'Bench texting night',
        texters: MANY,
        agent,
        profile: profileDir !== undefined,
      });
      const { api, campaignId, texters, inboxes, admin } = night;
      const atWork: TexterAtWork[] = texters.map((texter, i) => ({ texter, inbox: inboxes[i]! }));

      const tally = newTally();
      const warmUp = await runPhase(campaignId, atWork, 'socket', 0, warmUpMs * 2, tally);
      progress(`send: warm-up (not measured): ${describe(warmUp)}`);

      const results = new Map<Phase, PhaseResult[]>(PHASES.map((phase) => [phase, []]));
      for (let round = 1; round <= rounds; round++) {
        for (const phase of PHASES) {
          const profiled = profileDir !== undefined && round === 1 && phase.texters === MANY;
          if (profiled) await api.startProfile();
          const cpuShare = measureMachineShare({ api: api.pid, 'texters (bench process)': process.pid });
          const result = await runPhase(campaignId, atWork.slice(0, phase.texters), phase.transport, warmUpMs, windowMs, tally);
          const cpu = cpuShare();
          if (profiled) {
            await stopAndDescribeProfile(api, join(profileDir, `api-send-${MANY}-texters.cpuprofile`), 'send', `${MANY} texters`);
          }
          results.get(phase)!.push(result);
          progress(`send: round ${round}/${rounds}, ${phase.label}: ${describe(result)}`);
          progress(`send:   ${cpu}`);
        }
      }

      const [socketFew, httpFew, socketMany] = PHASES.map((phase) => results.get(phase)!);
      const med = (list: PhaseResult[], pick: (result: PhaseResult) => number) => median(list.map(pick));
      const msgsFew = med(socketFew!, (r) => r.msgsPerSecond);
      const msgsHttp = med(httpFew!, (r) => r.msgsPerSecond);
      const msgsMany = med(socketMany!, (r) => r.msgsPerSecond);
      const p50 = med(socketMany!, (r) => r.sendP50Ms);
      const p99 = med(socketMany!, (r) => r.sendP99Ms);

      const changes = inboxes.reduce((sum, inbox) => sum + inbox.changes, 0);
      const disconnects = [admin, ...inboxes].reduce((sum, socket) => sum + socket.disconnects, 0);
      await night.close();

      const log = firstTextsIn(await readTextingStream(night.eventsDb, campaignId));
      progress(
        `send: the log holds ${log.sends} first texts, ${log.duplicates} extra for a contact already texted; ` +
          `${tally.accepted} sends were acknowledged, ${tally.unanswered} unanswered, ${tally.refusedWrongly} refused wrongly, ${tally.refusedClosed} refused as their hours had closed; ` +
          `the inboxes heard ${changes} changes, the admin ${admin.changes}; ${disconnects} sockets dropped`,
      );
      for (const refusal of tally.refusals) progress(`send: refused: ${refusal}`);
      const problems = [
        tally.gone > 0 &&
          `${tally.gone} requests for ${BATCH} more were answered 410 "every contact has been handed out" (${contacts} uploaded, ${tally.accepted} texted); those texters stopped for the rest of their phase`,
        tally.shortHandOuts > 0 && `${tally.shortHandOuts} requests for ${BATCH} more got fewer (${contacts} uploaded, ${tally.accepted} texted)`,
        log.duplicates > 0 && `${log.duplicates} contacts had a second first text`,
        log.sends !== tally.accepted && `${tally.accepted} sends acknowledged but ${log.sends} in the log`,
        tally.refusedWrongly > 0 && `${tally.refusedWrongly} sends refused wrongly`,
        tally.unanswered > 0 && `${tally.unanswered} sends unanswered`,
        disconnects > 0 && `${disconnects} sockets dropped`,
      ].filter((problem): problem is string => typeof problem === 'string');
      for (const problem of problems) progress(`send: PROBLEM: ${problem}`);

      // Paired by round (same minutes, same state of the machine), then the median: steadier than a ratio of medians.
      const ratio = median(socketFew!.map((result, i) => result.msgsPerSecond / httpFew![i]!.msgsPerSecond));
      progress(`send: baseline, HTTP POST send at ${FEW} texters: ${Math.round(msgsHttp)} msg/s (median of ${rounds}); send p50 ${rounded(med(httpFew!, (r) => r.sendP50Ms))} ms, p99 ${rounded(med(httpFew!, (r) => r.sendP99Ms))} ms`);
      progress(`send: socket at ${FEW} texters: ${Math.round(msgsFew)} msg/s; socket/HTTP ratio ${rounded(ratio)}x (median of the rounds' ratios; send p50 ${rounded(med(socketFew!, (r) => r.sendP50Ms))} ms, p99 ${rounded(med(socketFew!, (r) => r.sendP99Ms))} ms)`);
      progress(
        `send: socket at ${MANY} texters: ${Math.round(msgsMany)} msg/s, send p50 ${rounded(p50)} ms, p99 ${rounded(p99)} ms; ` +
          `goal >= ${GOAL_MSGS_PER_S} msg/s and p99 <= ${GOAL_P99_MS} ms: ${msgsMany >= GOAL_MSGS_PER_S && p99 <= GOAL_P99_MS ? 'met' : 'NOT met'} ` +
          `(${msgsMany >= GOAL_MSGS_PER_S ? 'rate met' : 'rate missed'}, ${p99 <= GOAL_P99_MS ? 'p99 met' : 'p99 missed'})`,
      );
      return {
        ok: problems.length === 0,
        figures: {
          msgs_per_s_4: Math.round(msgsFew),
          msgs_per_s_32: Math.round(msgsMany),
          p50_ms: rounded(p50),
          p99_ms: rounded(p99),
          duplicates: log.duplicates,
          refused_wrongly: tally.refusedWrongly,
        },
      };
    } finally {
      await night?.close();
      agent.destroy();
    }
  });
}
