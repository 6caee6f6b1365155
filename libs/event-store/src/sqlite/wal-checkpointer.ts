import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Runs in its own thread with its own connection: folds the WAL back into the
 * database (PASSIVE: never blocks the writer or readers) and pays that fsync
 * off the event loop. CommonJS source, evaluated by the worker.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'stop') { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); }
});
`;

/**
 * SQLite's automatic checkpoint runs inside whichever commit crosses the WAL
 * size threshold, stalling that commit and the whole event loop (measured:
 * append p99 doubled on long runs). The writer turns it off; this thread
 * checkpoints every `intervalMs` instead.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(path: string, synchronous: string, intervalMs = 250, onError: (message: string) => void = () => {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, synchronous, intervalMs } });
    this.worker.on('message', (message: { error?: string }) => message.error && onError(message.error));
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** A last checkpoint, then the thread ends. */
  async stop(): Promise<void> {
    // Unreferenced, the worker would not keep the process alive until it has finished.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
