/** A stream's folded state at a revision, plus the commands already applied to it (for retries). */
export interface CachedStream<S> {
  readonly state: S;
  /** -1n when the stream has no events. */
  readonly revision: bigint;
  readonly position: bigint;
  readonly commandIds: readonly string[];
}

/**
 * Least-recently-used cache of folded stream states. A hit is still caught up
 * from the store (events after its revision), so it is never stale; it only
 * saves re-reading and re-folding the whole stream on every command.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedStream<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(stream: string): CachedStream<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry as CachedStream<S> | undefined;
  }

  /** Without counting as a use. */
  peek<S>(stream: string): CachedStream<S> | undefined {
    return this.entries.get(stream) as CachedStream<S> | undefined;
  }

  set<S>(stream: string, entry: CachedStream<S>): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(stream: string): void {
    this.entries.delete(stream);
  }
}
