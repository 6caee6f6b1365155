import { campaignDecider, campaignStream } from '@textbank/domain';
import { SqliteEventStore } from '@textbank/event-store';
import { allProjectors, openReadModelDatabase, ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Metrics } from '../metrics/metrics.js';
import { CommandExecutor } from './command-executor.js';
import type { CommandEnvelope } from './command-envelope.js';
import { envelope, hours, nextId } from './executor.spec-helpers.js';


describe('CommandExecutor', () => {
  let store: SqliteEventStore;
  let executor: CommandExecutor;
  let metrics: Metrics;
  let readModels: Database.Database;
  let runner: ProjectionRunner;
  const executorOn = (s: SqliteEventStore) => new CommandExecutor(s, metrics, runner, readModels);
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    metrics = new Metrics();
    readModels = openReadModelDatabase(':memory:');
    runner = new ProjectionRunner(store, readModels, allProjectors);
    runner.start();
    executor = executorOn(store);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    readModels.close();
  });

  const create = (campaignId: string, commandId = nextId()) =>
    executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'CreateCampaign', campaignId, organizationId: 'o1', name: 'X', description: '', textingHours: hours, now: 'now' },
      envelope: envelope(commandId),
    });
  const rename = (campaignId: string, name: string, expectedRevision?: bigint) =>
    executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'ChangeCampaignDetails', campaignId, name, now: 'now' },
      envelope: envelope(nextId()),
      ...(expectedRevision !== undefined && { expectedRevision }),
    });

  it('writes the decided events with metadata and answers with their position', async () => {
    const outcome = await create('c1');
    expect(outcome).toMatchObject({ ok: true, revision: 0n });
    const [event] = await store.readStream('campaign-c1');
    expect(event!.metadata).toMatchObject({ actor: { id: 'p1' }, correlationId: 'test', schemaVersion: 1, timestamp: '2026-11-28T12:00:00.000Z' });
    expect(outcome.ok && outcome.position).toBe(event!.position.commit);
  });

  it('retries lost races by reloading, so concurrent edits all land in order', async () => {
    await create('c1');
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((name) => rename('c1', name)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const events = await store.readStream('campaign-c1');
    expect(events.map((e) => (e.data as { name?: string }).name).slice(1).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('of racing creations of one campaign, exactly one wins and the rest are refused', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => create('c2')));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.rejection.code)).toEqual(Array(9).fill('conflict'));
    expect(await store.readStream('campaign-c2')).toHaveLength(1);
  });

  it('a retried command id answers as the first time, without writing again', async () => {
    const first = await create('c3', 'retried-command');
    const again = await create('c3', 'retried-command');
    expect(again).toEqual(first);
    expect(await store.readStream('campaign-c3')).toHaveLength(1);
  });

  it("a caller's stale expected revision is a conflict without retry", async () => {
    await create('c4');
    await rename('c4', 'newer');
    const outcome = await rename('c4', 'stale', 0n);
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'conflict', field: 'expectedRevision' } });
  });

  it('sees events another writer appended since it cached the stream', async () => {
    await create('c5');
    const other = executorOn(store);
    await other.execute({
      stream: campaignStream('c5'),
      decider: campaignDecider,
      command: { type: 'ChangeCampaignDetails', campaignId: 'c5', name: 'From elsewhere', now: 'now' },
      envelope: envelope(nextId()),
    });
    expect(await rename('c5', 'From elsewhere')).toMatchObject({ ok: true, revision: 1n });
    expect(await store.readStream('campaign-c5')).toHaveLength(2);
  });

  it("as the store's sole writer it decides on its cached state without reading the stream again; a second writer is still caught by the expected revision", async () => {
    const sole = new SqliteEventStore({ path: ':memory:', soleWriter: true });
    let reads = 0;
    const counted = new Proxy(sole, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property === 'readStream') return (...args: Parameters<SqliteEventStore['readStream']>) => ((reads += 1), target.readStream(...args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const mine = new CommandExecutor(counted, metrics, runner, readModels);
    const renameOn = (on: CommandExecutor, name: string) =>
      on.execute({ stream: campaignStream('c9'), decider: campaignDecider, command: { type: 'ChangeCampaignDetails', campaignId: 'c9', name, now: 'now' }, envelope: envelope(nextId()) });
    await mine.execute({
      stream: campaignStream('c9'),
      decider: campaignDecider,
      command: { type: 'CreateCampaign', campaignId: 'c9', organizationId: 'o1', name: 'X', description: '', textingHours: hours, now: 'now' },
      envelope: envelope(nextId()),
    });
    const afterCreate = reads;
    for (const name of ['A', 'B', 'C']) expect(await renameOn(mine, name)).toMatchObject({ ok: true });
    expect(reads).toBe(afterCreate);
    // The promise broken (another writer on the same file): the append at the cached revision fails, and the command is decided again on the stream as stored.
    expect(await renameOn(new CommandExecutor(sole, metrics, runner, readModels), 'Elsewhere')).toMatchObject({ ok: true, revision: 4n });
    expect(await renameOn(mine, 'D')).toMatchObject({ ok: true, revision: 5n });
    expect((await sole.readStream('campaign-c9')).map((e) => (e.data as { name: string }).name)).toEqual(['X', 'A', 'B', 'C', 'Elsewhere', 'D']);
    await sole.close();
  });

  describe('a retried command (the client\'s Idempotency-Key) answers as the first time for 24 hours', () => {
    const keyed = (commandId: string, now = new Date('2026-11-28T12:00:00Z')): CommandEnvelope => ({ ...envelope(commandId), keyed: true, now });
    const createKeyed = (campaignId: string, commandId: string, now?: Date) =>
      executor.execute({
        stream: campaignStream(campaignId),
        decider: campaignDecider,
        command: { type: 'CreateCampaign', campaignId, organizationId: 'o1', name: 'X', description: '', textingHours: hours, now: 'now' },
        envelope: keyed(commandId, now),
      });

    it('however many events the stream had since (60 edits)', async () => {
      const key = nextId();
      const first = await createKeyed('k1', key);
      for (let i = 0; i < 60; i++) await rename('k1', `edit ${i}`);
      executor = executorOn(store); // a fresh process: nothing cached
      expect(await createKeyed('k1', key)).toEqual(first);
      expect(await store.readStream('campaign-k1')).toHaveLength(61);
    });

    it('while the read models rebuild, by searching the stream itself', async () => {
      const key = nextId();
      const first = await createKeyed('k2', key);
      for (let i = 0; i < 60; i++) await rename('k2', `edit ${i}`);
      await runner.stop();
      executor = executorOn(store);
      expect(await createKeyed('k2', key)).toEqual(first);
    });

    it('a key used for another stream is refused, and after the window a key is new again', async () => {
      const key = nextId();
      await createKeyed('k3', key);
      expect(await createKeyed('k4', key)).toMatchObject({ ok: false, rejection: { code: 'conflict', field: 'Idempotency-Key' } });
      const dayLater = new Date(Date.parse('2026-11-28T12:00:00Z') + 24 * 60 * 60 * 1000 + 60_000);
      executor = executorOn(store);
      expect(await createKeyed('k4', key, dayLater)).toMatchObject({ ok: true });
    });
  });
});
