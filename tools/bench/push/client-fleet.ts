import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextMessage } from '../shared/child-messages.js';
import { stopChild } from '../shared/stop-child.js';
import type { FleetConfig, FleetReport, FromFleet, ToFleet } from './fleet-messages.js';

const CLIENT_SCRIPT = fileURLToPath(new URL('./socket-clients.js', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const REPORT_TIMEOUT_MS = 30_000;

/** The socket clients, running in their own process (socket-clients.ts), as the bench sees them. */
export class ClientFleet {
  private received = 0;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: FromFleet) => {
      if (message.type === 'progress') this.received = message.received;
    });
  }

  /** Forks the client process and resolves once every client is connected and synced. */
  static async start(config: FleetConfig): Promise<{ fleet: ClientFleet; seconds: number }> {
    const child = fork(CLIENT_SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const fleet = new ClientFleet(child);
    try {
      const ready = await fleet.next('ready', READY_TIMEOUT_MS, () => fleet.send({ type: 'start', config }));
      return { fleet, seconds: ready.seconds };
    } catch (error) {
      await fleet.stop();
      throw error;
    }
  }

  /** Waits until `expected` changes have arrived (as of the last progress message) or `timeoutMs` has passed. */
  async waitForReceived(expected: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (this.received < expected && performance.now() < deadline && this.child.connected) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.received;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Every receipt so far; stop the fleet afterwards. */
  report(): Promise<FleetReport> {
    return this.next('report', REPORT_TIMEOUT_MS, () => this.send({ type: 'report' }));
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }

  private send(message: ToFleet): void {
    this.child.send(message);
  }

  private next<T extends FromFleet['type']>(type: T, timeoutMs: number, ask: () => void): Promise<Extract<FromFleet, { type: T }>> {
    return nextMessage<FromFleet, T>(this.child, type, timeoutMs, ask);
  }
}
