import { campaignDecider, campaignStream } from '@textbank/domain';
import { EsdbEventStore, WrongExpectedVersionError, type EventStore } from '@textbank/event-store';
import { EsdbTestServer } from '@textbank/event-store/esdb-test-server';
import { allProjectors, openReadModelDatabase, ProjectionRunner } from '@textbank/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metrics } from '../metrics/metrics.js';
import { CommandExecutor } from './command-executor.js';
import { envelope, hours, nextId } from './executor.spec-helpers.js';


/** One API instance's write path: its own store client, read models and executor (with its own cache and pipelining). */
function instance(connectionString: string) {
  const client = new EsdbEventStore({ connectionString });
  let conflicts = 0;
  // Counts the conflicts this instance met at the store, to show the race really happened.
  const store: EventStore = Object.assign(Object.create(client) as EventStore, {
    appendToStream: (...args: Parameters<EventStore['appendToStream']>) =>
      client.appendToStream(...args).catch((error: unknown) => {
        if (error instanceof WrongExpectedVersionError) conflicts += 1;
        throw error;
      }),
  });
  const readModels = openReadModelDatabase(':memory:');
  const runner = new ProjectionRunner(store, readModels, allProjectors);
  runner.start();
  const executor = new CommandExecutor(store, new Metrics(), runner, readModels);
  return {
    executor,
    conflicts: () => conflicts,
    async close() {
      await runner.stop();
      await client.close();
      readModels.close();
    },
  };
}

describe('CommandExecutor with two instances on one EventStoreDB (each trusts its own cached stream head)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'textbank-two-'));
  let server: EsdbTestServer;
  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;
  beforeAll(async () => {
    server = await EsdbTestServer.start({ path: join(dir, 'events.db') });
    a = instance(server.connectionString);
    b = instance(server.connectionString);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const create = (on: ReturnType<typeof instance>, campaignId: string) =>
    on.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'CreateCampaign', campaignId, organizationId: 'o1', name: 'X', description: '', textingHours: hours, now: 'now' },
      envelope: envelope(nextId()),
    });
  const rename = (on: ReturnType<typeof instance>, campaignId: string, name: string) =>
    on.executor.execute({
      stream: campaignStream(campaignId),
      decider: campaignDecider,
      command: { type: 'ChangeCampaignDetails', campaignId, name, now: 'now' },
      envelope: envelope(nextId()),
    });

  it('edits racing through both instances all land: a wrong expected version reloads and decides again', async () => {
    await create(a, 'shared');
    // Both instances cache the stream, then edit it at once, over and over: every edit decided on a stale head is retried.
    await Promise.all([rename(a, 'shared', 'a-warm'), rename(b, 'shared', 'b-warm')]);
    const outcomes = [];
    for (let round = 0; round < 10; round++) {
      outcomes.push(...(await Promise.all([rename(a, 'shared', `a-${round}`), rename(b, 'shared', `b-${round}`)])));
    }
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(a.conflicts() + b.conflicts()).toBeGreaterThan(0);
    const store = new EsdbEventStore({ connectionString: server.connectionString });
    const events = await store.readStream(campaignStream('shared'));
    await store.close();
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
    const names = events.filter((e) => e.type === 'CampaignDetailsChanged').map((e) => (e.data as { name: string }).name);
    expect(names.length).toBe(22);
    for (let round = 0; round < 10; round++) expect(names).toEqual(expect.arrayContaining([`a-${round}`, `b-${round}`]));
  });

  it('a creation racing on both instances happens once; the loser decides again on the stored stream and is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all([create(a, `race-${round}`), create(b, `race-${round}`)]);
      expect(outcomes.filter((o) => o.ok).length).toBe(1);
      const refused = outcomes.find((o) => !o.ok);
      expect(refused && !refused.ok && refused.rejection.code).toBe('conflict');
    }
  });
});
