import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onAbruptExit } from './on-abrupt-exit.js';
import { progress } from './progress.js';
import { stopChild } from './stop-child.js';

/** The built API's entry point (apps/api/dist/main.js), found beside the module `@textbank/api` resolves to. */
const API_MAIN = join(dirname(createRequire(import.meta.url).resolve('@textbank/api')), 'main.js');
const PROFILER_PRELOAD = fileURLToPath(new URL('./cpu-profile-preload.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const PROFILE_TIMEOUT_MS = 60_000;

export interface ApiChild {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly pid: number | undefined;
  /** Starts sampling the API's CPU (a no-op unless started with `profile`). */
  startProfile(): Promise<void>;
  /** Stops sampling and writes the .cpuprofile to `path`; false when not started with `profile`. */
  stopProfile(path: string): Promise<boolean>;
  stop(): Promise<void>;
}

export interface ApiChildOptions {
  readonly dataDir: string;
  /** More settings (SANDBOX_*), on top of the bench's: loopback, any free port, errors only, no web app. */
  readonly env?: Readonly<Record<string, string>>;
  /** Sample the API's CPU on request (startProfile / stopProfile) through an inspector session inside the child. */
  readonly profile?: boolean;
}

type ProfilerReply = { readonly type: 'profile:started' } | { readonly type: 'profile:written'; readonly path: string } | { readonly type: 'profile:failed'; readonly error: string };

/**
 * The built API (`node apps/api/dist/main.js`) in a process of its own, as
 * `npm start` runs it: its event loop shares nothing with the bench's
 * clients, only the machine's cores. Resolves once it prints its LISTENING
 * line; its output goes to the bench's stderr.
 */
export async function startApiChild(options: ApiChildOptions): Promise<ApiChild> {
  const child = spawn(process.execPath, [...(options.profile ? ['--import', PROFILER_PRELOAD] : []), API_MAIN], {
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      WEB_DIST: '',
      METRICS_PORT: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.profile ? (['ipc'] as const) : [])],
  });
  const cancelKill = onAbruptExit(() => child.kill('SIGKILL'));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  try {
    const url = await listeningUrl(child);
    const stop = async () => {
      await stopChild(child);
      cancelKill();
    };
    return {
      url,
      pid: child.pid,
      async startProfile() {
        if (options.profile) await ask(child, { type: 'profile:start' }, 'profile:started');
      },
      async stopProfile(path) {
        if (!options.profile) return false;
        await ask(child, { type: 'profile:stop', path }, 'profile:written');
        return true;
      },
      stop,
    };
  } catch (error) {
    await stopChild(child);
    cancelKill();
    throw error;
  }
}

/** Reads the child's stdout until `LISTENING http://localhost:PORT`; later lines go to stderr. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let found = false;
    const timer = setTimeout(() => fail(new Error(`the API did not print LISTENING within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`the API exited (code ${code}, signal ${signal}) before listening`));
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (!found) reject(error);
    };
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const match = /^LISTENING https?:\/\/[^:]+:(\d+)/.exec(line);
      if (match && !found) {
        found = true;
        clearTimeout(timer);
        child.off('exit', onExit);
        progress(`API child (pid ${child.pid}) listening on port ${match[1]}`);
        resolve(`http://127.0.0.1:${match[1]}`);
      } else {
        process.stderr.write(`[api] ${line}\n`);
      }
    });
  });
}

/** One request to the profiler preload and its answer. */
function ask(child: ChildProcess, message: object, expected: ProfilerReply['type']): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no ${expected} from the API child within ${PROFILE_TIMEOUT_MS} ms`)), PROFILE_TIMEOUT_MS);
    const onMessage = (reply: ProfilerReply) => {
      if (reply.type === expected) done();
      else if (reply.type === 'profile:failed') done(new Error(`profiler: ${reply.error}`));
    };
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      if (error) reject(error);
      else resolve();
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
