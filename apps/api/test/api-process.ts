import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ApiProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Ends it politely and waits. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hooks, no flush; as a power cut looks to the process. */
  kill(): Promise<void>;
}

/** Starts the built API (`npm start`'s process) on a free port with its data in `dataDir`. */
export function startApi(dataDir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', WEB_DIST, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${stdout}\n${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`API exited with ${code}:\n${stdout}\n${stderr}`)));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /LISTENING (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!.replace('localhost', '127.0.0.1'),
        child,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}
