import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onAbruptExit } from '../shared/on-abrupt-exit.js';
import { stopChild } from '../shared/stop-child.js';

/** tools/dist/bench/push/ -> apps/api/dist/main.js: the API as `npm run bench` has just built it. */
const API_MAIN = fileURLToPath(new URL('../../../../apps/api/dist/main.js', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface RunningApi {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the built API as a child process on 127.0.0.1 and an ephemeral port,
 * and resolves once it prints its LISTENING line. Its logs (pino writes to
 * stdout) are passed on to stderr, so the bench's stdout stays clean.
 */
export function startApi(dataDir: string): Promise<RunningApi> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} not found: build the API first (npm run bench builds everything)`);
  const child = spawn(process.execPath, [API_MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', WEB_DIST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave an API running behind an interrupted bench.
  const cancelKill = onAbruptExit(() => child.kill('SIGKILL'));
  child.once('exit', cancelKill);
  const stop = () => stopChild(child);
  createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(`[api] ${line}\n`));
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stop().finally(() => reject(new Error(reason)));
    };
    const timer = setTimeout(() => fail(`the API did not print LISTENING within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const exitedEarly = (code: number | null, signal: string | null) => fail(`the API exited early (code ${code}, signal ${signal})`);
    child.once('exit', exitedEarly);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const listening = /^LISTENING https?:\/\/[^:]+:(\d+)/.exec(line);
      if (!listening) return void process.stderr.write(`[api] ${line}\n`);
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      // 127.0.0.1, not the printed localhost: node may try ::1 first, where the API is not listening.
      resolve({ url: `http://127.0.0.1:${listening[1]}`, pid: child.pid, stop });
    });
  });
}
