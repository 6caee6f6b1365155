/**
 * Runs `work` over message events batch after batch, with no pause between
 * batches: up to `limit` at once, one contact's messages in log order (a
 * reply never overtakes the first text, even from the next batch). A batch
 * counts as done, in log order, once it and every batch before it are
 * handled: only then may a checkpoint pass it. The first failure (a text's
 * or the checkpoint's own) stops new work (what is running finishes), is
 * reported once, and no batch is done after it: the caller starts again from
 * its checkpoint once `drained`. `stop` does the same, reporting nothing.
 *
 * Why no barrier: with each batch awaited whole, one send the provider was
 * slow to answer (up to the 30 s timeout) held every text after it
 * (dispatcher.int.spec.ts: a send the provider holds).
 */
export class PerContactPipeline<E extends { readonly data: unknown }> {
  private running = 0;
  private readonly queue: Array<() => void> = [];
  private readonly tails = new Map<string, Promise<void>>();
  /** Events admitted and not yet handled. */
  private pending = 0;
  private readonly room: Array<() => void> = [];
  private done: Promise<void> = Promise.resolve();
  /** Failed, or stopped: no new work starts and no batch is done any more. */
  private halted = false;
  private failed = false;

  constructor(
    private readonly limit: number,
    private readonly work: (event: E) => Promise<void>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /**
   * Starts a batch; `whenDone` is called once it and all batches before it
   * are handled. Resolves when the pipeline wants the next batch: fewer
   * events waiting than can run at once. After a failure, admits nothing.
   */
  async admit(events: readonly E[], whenDone: () => void): Promise<void> {
    if (this.halted) return;
    this.pending += events.length;
    const handled = events.map((event) => {
      const contactId = (event.data as { contactId: string }).contactId;
      const run = (this.tails.get(contactId) ?? Promise.resolve()).then(() => this.limited(event)).finally(() => this.handledOne());
      const tail = run.catch(() => undefined);
      this.tails.set(contactId, tail);
      void tail.then(() => this.tails.get(contactId) === tail && this.tails.delete(contactId));
      return run;
    });
    const batch = Promise.allSettled(handled);
    this.done = this.done.then(async () => {
      const results = await batch;
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure) return this.fail(failure.reason);
      if (this.halted) return;
      try {
        whenDone();
      } catch (error) {
        this.fail(error); // the checkpoint could not be saved: start again from the one before
      }
    });
    while (this.pending > this.limit && !this.halted) await new Promise<void>((resolve) => this.room.push(resolve));
  }

  /** No new work from now on (what is running finishes) and no batch is done any more: the dispatch went elsewhere or stops. */
  stop(): void {
    this.halted = true;
    this.room.splice(0).forEach((resolve) => resolve());
  }

  /** Settles once everything admitted has finished (and every `whenDone` due has been called). */
  drained(): Promise<void> {
    return this.done;
  }

  private async limited(event: E): Promise<void> {
    // A finishing run hands its place straight to the next in line, so none slips in between.
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running++;
    try {
      if (!this.halted) await this.work(event);
    } catch (error) {
      this.fail(error);
      throw error;
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }

  private handledOne(): void {
    this.pending--;
    if (this.pending <= this.limit || this.halted) this.room.splice(0).forEach((resolve) => resolve());
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.stop();
    this.onFailure(error);
  }
}
