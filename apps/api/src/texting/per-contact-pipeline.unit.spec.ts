import { describe, expect, it } from 'vitest';
import { PerContactPipeline } from './per-contact-pipeline.js';

interface Text {
  readonly id: string;
  readonly data: { readonly contactId: string };
}
const text = (id: string, contactId: string): Text => ({ id, data: { contactId } });

/** Work whose every call waits until the test lets it finish; what ran, and the most at once. */
function heldWork() {
  const started: string[] = [];
  const finished: string[] = [];
  const releases = new Map<string, (error?: Error) => void>();
  let running = 0;
  let most = 0;
  const work = (event: Text) =>
    new Promise<void>((resolve, reject) => {
      started.push(event.id);
      running++;
      most = Math.max(most, running);
      releases.set(event.id, (error) => {
        running--;
        finished.push(event.id);
        if (error) reject(error);
        else resolve();
      });
    });
  const release = async (id: string, error?: Error) => {
    await until(() => releases.has(id));
    releases.get(id)!(error);
    releases.delete(id);
    await tick();
  };
  return { work, started, finished, release, most: () => most };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await tick();
  if (!condition()) throw new Error('never happened');
}

describe('PerContactPipeline', () => {
  it('starts the next batch while the slowest text of the one before is still out; batches are done in log order', async () => {
    const { work, started, release } = heldWork();
    const done: string[] = [];
    const pipeline = new PerContactPipeline<Text>(4, work, () => expect.fail('no failure'));
    await pipeline.admit([text('a1', 'a'), text('b1', 'b')], () => done.push('batch 1'));
    await pipeline.admit([text('c2', 'c'), text('d2', 'd')], () => done.push('batch 2'));
    await until(() => started.length === 4);
    await release('a1');
    await release('c2');
    await release('d2');
    // Batch 2 is handled, but b1 of batch 1 is still out: no checkpoint may pass it.
    expect(done).toEqual([]);
    await release('b1');
    await pipeline.drained();
    expect(done).toEqual(['batch 1', 'batch 2']);
  });

  it("keeps one contact's texts in log order across batches, and never runs more than the limit at once", async () => {
    const { work, started, release, most } = heldWork();
    const pipeline = new PerContactPipeline<Text>(2, work, () => expect.fail('no failure'));
    await pipeline.admit([text('a1', 'a'), text('b1', 'b')], () => {});
    void pipeline.admit([text('a2', 'a'), text('c2', 'c'), text('d2', 'd')], () => {});
    await until(() => started.length === 2);
    await release('b1');
    // The free place goes to c2: a2 waits for a1, the same contact's text before it.
    await until(() => started.includes('c2'));
    expect(started).not.toContain('a2');
    await release('a1');
    // a1's place goes to d2, in line before a2 (which could only line up once a1 was done).
    await until(() => started.includes('d2'));
    expect(started).not.toContain('a2');
    await release('c2');
    await until(() => started.includes('a2'));
    await release('a2');
    await release('d2');
    await pipeline.drained();
    expect(started.indexOf('a2')).toBeGreaterThan(started.indexOf('a1'));
    expect(most()).toBe(2);
  });

  it('waits for room before taking more: admit resolves once no more than the limit are waiting', async () => {
    const { work, release } = heldWork();
    const pipeline = new PerContactPipeline<Text>(2, work, () => expect.fail('no failure'));
    let admitted = false;
    const admitting = pipeline.admit([text('a', 'a'), text('b', 'b'), text('c', 'c')], () => {}).then(() => (admitted = true));
    await tick();
    expect(admitted).toBe(false);
    await release('a');
    await admitting;
    await release('b');
    await release('c');
    await pipeline.drained();
  });

  it('a failure stops new work, is reported once, and no batch is done from it on; the rest drains', async () => {
    const { work, started, release } = heldWork();
    const done: string[] = [];
    const failures: unknown[] = [];
    const pipeline = new PerContactPipeline<Text>(2, work, (error) => failures.push(error));
    await pipeline.admit([text('a1', 'a'), text('b1', 'b')], () => done.push('batch 1'));
    void pipeline.admit([text('c2', 'c')], () => done.push('batch 2'));
    await release('a1', new Error('provider exploded'));
    await release('b1');
    await pipeline.drained();
    await pipeline.admit([text('e3', 'e')], () => done.push('batch 3'));
    await pipeline.drained();
    expect(failures).toEqual([new Error('provider exploded')]);
    expect(done).toEqual([]);
    // c2 waited for a place; once the pipeline failed it was not started, nor was batch 3.
    expect(started).toEqual(['a1', 'b1']);
  });

  it('a checkpoint that cannot be saved is a failure like any other: reported, and no batch is done after it', async () => {
    const failures: unknown[] = [];
    const done: string[] = [];
    const pipeline = new PerContactPipeline<Text>(2, async () => {}, (error) => failures.push(error));
    await pipeline.admit([text('a1', 'a')], () => {
      throw new Error('disk full');
    });
    await pipeline.admit([text('b2', 'b')], () => done.push('batch 2'));
    await pipeline.drained();
    expect(failures).toEqual([new Error('disk full')]);
    expect(done).toEqual([]);
  });

  it('stopped: nothing more starts and no batch is done, with no failure reported; what runs finishes', async () => {
    const { work, started, release } = heldWork();
    const done: string[] = [];
    const pipeline = new PerContactPipeline<Text>(1, work, () => expect.fail('no failure'));
    void pipeline.admit([text('a1', 'a'), text('b1', 'b')], () => done.push('batch 1'));
    await until(() => started.length === 1);
    pipeline.stop();
    await release('a1');
    await pipeline.drained();
    expect(started).toEqual(['a1']);
    expect(done).toEqual([]);
  });
});
