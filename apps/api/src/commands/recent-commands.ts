import type { CommandOutcome } from './command-outcome.js';

export interface RecentCommand {
  readonly stream: string;
  readonly fingerprint: string;
  /** Settles with the command's final answer (after its retries). */
  readonly outcome: Promise<CommandOutcome>;
}

interface Entry extends RecentCommand {
  settled?: CommandOutcome;
}

/** Past this many, the oldest are forgotten and the executor stops trusting this record until the read models catch up. */
const CAPACITY = 100_000;

/**
 * Keyed commands (a client's Idempotency-Key, a texter's gesture id) this
 * process has executed and the command-outcomes read model may not hold yet:
 * from the moment they start (a double press arriving while the first is
 * still deciding finds it here) until the read models pass their position.
 * With it, a retry is recognised without waiting for the read models to
 * reach the log's head first.
 */
export class RecentCommands {
  private readonly entries = new Map<string, Entry>();
  /** Bumped when entries were dropped for space: the record is no longer complete. */
  forgotten = 0;

  get(commandId: string): RecentCommand | undefined {
    return this.entries.get(commandId);
  }

  add(commandId: string, command: RecentCommand): void {
    const entry: Entry = { ...command };
    this.entries.set(commandId, entry);
    void command.outcome.then(
      (outcome) => (entry.settled = outcome),
      () => this.entries.delete(commandId),
    );
  }

  /** Drops what the read models hold now (settled at or before `checkpoint`) and refusals, which leave no record. */
  prune(checkpoint: bigint): void {
    for (const [commandId, entry] of this.entries) {
      const settled = entry.settled;
      if (!settled) break;
      if (settled.ok && settled.position > checkpoint) break;
      this.entries.delete(commandId);
    }
    if (this.entries.size <= CAPACITY) return;
    for (const commandId of this.entries.keys()) {
      if (this.entries.size <= CAPACITY) break;
      this.entries.delete(commandId);
    }
    this.forgotten += 1;
  }
}
