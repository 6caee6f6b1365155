/**
 * Runs async work one at a time per key, in arrival order; different keys run
 * concurrently. A failed task does not block the ones after it. Keys with
 * nothing queued are forgotten, so the map only holds busy keys.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests). */
  get busy(): number {
    return this.tails.size;
  }
}
