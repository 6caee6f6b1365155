import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../libs/event-store/dist/esdb-test-server/main.js', import.meta.url));

export interface EsdbServerProcess {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** The protocol-level EventStoreDB test server (built) in its own process, storing in `path`. */
export function startEsdbServer(path: string): Promise<EsdbServerProcess> {
  const child = spawn(process.execPath, [MAIN, '--path', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`test server did not start:\n${output}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}:\n${output}`)));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /LISTENING (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        connectionString: match[1]!,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
