import { runAppendBench } from './append/append-bench.js';
import { runBatchBench } from './batch/batch-bench.js';
import { runDispatchBench } from './dispatch/dispatch-bench.js';
import { runDashboardBench } from './dashboard/dashboard-bench.js';
import { runImportBench } from './import/import-bench.js';
import { runJoinBench } from './join/join-bench.js';
import { runPushBench } from './push/push-bench.js';
import { runReplayBench } from './replay/replay-bench.js';
import { runScaleBench } from './scale/scale-bench.js';
import { runSendBench } from './send/send-bench.js';
import type { BenchOptions } from './shared/bench-options.js';
import { printResult, type BenchOutcome } from './shared/bench-result.js';
import { progress } from './shared/progress.js';

const benches = new Map<string, (options: BenchOptions) => Promise<BenchOutcome>>([
  ['append', runAppendBench],
  ['replay', runReplayBench],
  ['push', runPushBench],
  ['join', runJoinBench],
  ['import', runImportBench],
  ['send', runSendBench],
  ['batch', runBatchBench],
  ['scale', runScaleBench],
  ['dispatch', runDispatchBench],
  ['dashboard', runDashboardBench],
]);

const USAGE = `usage: node tools/dist/bench/main.js <${[...benches.keys()].join('|')}> [--quick]
  append  concurrent single-event appends vs the disk's raw insert rate
  replay  rebuild every read model from position 0
  push    change-to-socket latency through the running API
  join    a crowd joins through one invite link and signs in, all at once
  import  a voter file (1M rows, 20% bad) from HTTP upload to contacts in the read model
  send    texters press Send (GET next, then Send over the socket), 4 and 32 at once, API in its own process
  batch   32 texters ask "give me 200 more" at the same moment, in a campaign of 1M contacts
  scale   campaign commands through 1, 2 and 3 API processes on one EventStoreDB (the protocol-level test server), push latency over their sockets
  dispatch  50,000 accepted texts to a fake Twilio over HTTP at 1,000 msg/s, then every status callback signed
  dashboard  1,000 sockets on campaign dashboards and volunteer homes (own process), 1,000 texting events/s for 20 s: append to screen
  --quick a smaller run (under 30 s)`;

// Scripts read the last stdout line as the result: whatever a library prints goes to stderr instead.
console.log = console.error;
console.info = console.error;

// Interrupted: exit (status 128 + signal number), so the exit hooks stop children and remove temp dirs.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const [name, ...flags] = process.argv.slice(2);
const run = name === undefined ? undefined : benches.get(name);
const unknownFlags = flags.filter((flag) => flag !== '--quick');
if (!run || unknownFlags.length > 0) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

let exitCode = 0;
try {
  const outcome = await run({ quick: flags.includes('--quick') });
  printResult(name!, outcome.figures, outcome.bare);
  if (!outcome.ok) exitCode = 1;
} catch (error) {
  progress(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
}
// Everything is cleaned up by now; exit rather than wait on a keep-alive socket or a library's timer.
process.exit(exitCode);
