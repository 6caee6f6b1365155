import type { Change, SyncRequest, Topic } from '@textbank/contracts';
import { toPosition } from './positions';

/**
 * Decides which changes a screen applies, so each is applied once and in order.
 *
 * Invariant: per topic, only changes after the highest position applied go
 * through. Cursors are per topic because one log event can yield a change on
 * each topic at the same position. While a sync is in flight, live changes are
 * held back and merged with the replay, so a live change cannot jump ahead of
 * older replayed ones (which the cursor would then drop).
 */
export class LiveFeed {
  private readonly applied = new Map<Topic, bigint>();
  private held: Change[] | null = null;

  constructor(
    readonly topics: readonly Topic[],
    since: string,
  ) {
    const start = toPosition(since) ?? 0n;
    for (const topic of topics) this.applied.set(topic, start);
  }

  /** Asks for everything after the least advanced topic; the cursors drop the overlap. */
  syncRequest(): SyncRequest {
    const lowest = [...this.applied.values()].reduce((a, b) => (b < a ? b : a));
    return { topics: [...this.topics], since: lowest.toString() };
  }

  /** Highest position applied on a topic, as sent on the wire. */
  positionOf(topic: Topic): string | undefined {
    return this.applied.get(topic)?.toString();
  }

  beginSync(): void {
    this.held ??= [];
  }

  /** A live change: what to apply now (nothing while a sync is in flight). */
  receive(change: Change): Change[] {
    if (this.held) {
      this.held.push(change);
      return [];
    }
    return this.accept([change]);
  }

  /** The sync's replay plus what was held back, oldest first, minus duplicates. */
  completeSync(replayed: readonly Change[]): Change[] {
    const pending = [...replayed, ...(this.held ?? [])];
    this.held = null;
    return this.accept(pending);
  }

  /** The sync failed: release what was held so live updates keep flowing. */
  abandonSync(): Change[] {
    return this.completeSync([]);
  }

  private accept(changes: readonly Change[]): Change[] {
    const ordered = changes
      .map((change) => ({ change, position: toPosition(change.position) }))
      .filter((entry): entry is { change: Change; position: bigint } => entry.position !== null)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    const accepted: Change[] = [];
    for (const { change, position } of ordered) {
      const last = this.applied.get(change.topic);
      if (last === undefined || position <= last) continue;
      this.applied.set(change.topic, position);
      accepted.push(change);
    }
    return accepted;
  }
}
