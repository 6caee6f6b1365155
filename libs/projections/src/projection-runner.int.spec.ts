import { eventIdFor, newEventId, SqliteEventStore, type EventData } from '@textbank/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { ProjectionRunner } from './projection-runner.js';
import { defineProjector } from './projector.js';
import { openReadModelDatabase } from './read-model-database.js';
import { allProjectors } from './all-projectors.js';
import { campaignsProjector, listCampaigns } from './read-models/campaigns.js';
import { eventTypes } from './read-models/event-log.js';

const root = mkdtempSync(join(tmpdir(), 'textbank-proj-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const metadata = { actor: { id: 'p1', kind: 'person', name: 'Ada' }, causationId: 'c', correlationId: 'c', timestamp: '2026-11-28T12:00:00.000Z', schemaVersion: 1 };
const created = (id: string, name = `Campaign ${id}`): EventData => ({
  id: eventIdFor(newEventId(), 0),
  type: 'CampaignCreated',
  data: { campaignId: id, organizationId: 'o1', name, description: '', textingHours: { start: '09:00', end: '21:00' }, createdAt: '2026-11-28T12:00:00.000Z' },
  metadata,
});
const renamed = (id: string, name: string): EventData => ({
  type: 'CampaignDetailsChanged',
  data: { campaignId: id, name, changedAt: '2026-11-28T13:00:00.000Z' },
  metadata,
});

describe('ProjectionRunner', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let dbPath: string;
  let runner: ProjectionRunner;
  beforeEach(() => {
    n += 1;
    store = new SqliteEventStore({ path: join(root, `events-${n}.db`), pollIntervalMs: 20 });
    dbPath = join(root, `read-${n}.db`);
    db = openReadModelDatabase(dbPath);
  });
  afterEach(async () => {
    await runner?.stop();
    await store.close();
    db.close();
  });

  it('catches up from the log, then follows it; waitFor gives read-your-writes', async () => {
    await store.appendToStream('campaign-a', [created('a')]);
    runner = new ProjectionRunner(store, db, allProjectors);
    runner.start();
    const result = await store.appendToStream('campaign-b', [created('b')]);
    expect(await runner.waitFor(result.position!.commit)).toBe(true);
    expect(listCampaigns(db).map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect(eventTypes(db)).toEqual(['CampaignCreated']);
  });

  it('announces changes only after they commit, with their positions', async () => {
    runner = new ProjectionRunner(store, db, allProjectors);
    const seen: Array<{ kind: string; position: string; committed: boolean }> = [];
    runner.onChanges((changes) => {
      for (const change of changes) {
        const committed = listCampaigns(db).some((c) => change.kind !== 'campaign.upserted' || c.id === change.payload.id);
        seen.push({ kind: change.kind, position: change.position, committed });
      }
    });
    runner.start();
    const result = await store.appendToStream('campaign-a', [created('a')]);
    await runner.waitFor(result.position!.commit);
    const position = result.position!.commit.toString();
    expect(seen).toEqual([
      { kind: 'campaign.upserted', position, committed: true },
      { kind: 'event.appended', position, committed: true },
    ]);
  });

  it('a long live batch is applied in slices: other work gets a turn between them, each slice announced as it commits', async () => {
    let applied = 0;
    let appliedWhenOthersRan: number | undefined;
    const slow = defineProjector({
      name: 'slow',
      version: 1,
      tables: ['slow'],
      schema: 'CREATE TABLE IF NOT EXISTS slow (id TEXT)',
      handlers: {
        CampaignCreated: (event, db) => {
          // Something else asks for the thread while the batch is being applied (a request, a socket).
          if (applied === 0) setImmediate(() => (appliedWhenOthersRan = applied));
          const until = performance.now() + 2;
          while (performance.now() < until); // a handler that costs 2 ms (200 rows of a hand-out)
          db.prepare('INSERT INTO slow VALUES (?)').run(event.data.campaignId);
          applied += 1;
        },
      },
    });
    runner = new ProjectionRunner(store, db, [slow, campaignsProjector]);
    const announcements: number[] = [];
    runner.onChanges((changes) => announcements.push(changes.length));
    runner.start();
    await expect.poll(() => runner.status().caughtUp).toBe(true);
    const result = await store.appendToStream('campaigns', Array.from({ length: 40 }, (_, i) => created(`c${i}`)));
    expect(await runner.waitFor(result.position!.commit)).toBe(true);
    expect(applied).toBe(40);
    expect(appliedWhenOthersRan).toBeGreaterThan(0);
    expect(appliedWhenOthersRan).toBeLessThan(40);
    expect(announcements.length).toBeGreaterThan(1);
    expect(announcements.reduce((a, b) => a + b, 0)).toBe(40);
    expect(listCampaigns(db)).toHaveLength(40);
  });

  it('a failing batch writes nothing and moves no checkpoint, then retries', async () => {
    let failures = 1;
    const flaky = defineProjector({
      name: 'flaky',
      version: 1,
      tables: ['flaky'],
      schema: 'CREATE TABLE IF NOT EXISTS flaky (id TEXT)',
      handlers: {
        CampaignCreated: (event, db) => {
          db.prepare('INSERT INTO flaky VALUES (?)').run(event.data.campaignId);
          if (event.data.campaignId === 'b' && failures-- > 0) throw new Error('disk hiccup');
        },
      },
    });
    await store.appendToStream('campaign-a', [created('a'), created('b')]);
    const errors: unknown[] = [];
    runner = new ProjectionRunner(store, db, [flaky, campaignsProjector], { retryDelayMs: 10, onError: (e) => errors.push(e) });
    runner.start();
    await expect.poll(() => errors.length).toBe(1);
    await expect.poll(() => db.prepare('SELECT count(*) FROM flaky').pluck().get()).toBe(2);
    expect(db.prepare('SELECT id FROM flaky ORDER BY id').pluck().all()).toEqual(['a', 'b']);
    expect(runner.status().failed).toBeUndefined();
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await store.appendToStream('campaign-a', [created('a'), renamed('a', 'First')]);
    runner = new ProjectionRunner(store, db, allProjectors);
    runner.start();
    await runner.waitFor((await store.headPosition())!.commit);
    await runner.stop();
    await store.appendToStream('campaign-a', [renamed('a', 'Second')]);
    runner = new ProjectionRunner(store, db, allProjectors);
    runner.start();
    await runner.waitFor((await store.headPosition())!.commit);
    expect(listCampaigns(db)[0]).toMatchObject({ name: 'Second', revision: 2 });
    expect(eventTypes(db)).toEqual(['CampaignCreated', 'CampaignDetailsChanged']);
  });

  it('rebuilds a projector whose version changed, and on demand, to the same state', async () => {
    await store.appendToStream('campaign-a', [created('a'), renamed('a', 'Renamed')]);
    await store.appendToStream('campaign-b', [created('b')]);
    runner = new ProjectionRunner(store, db, allProjectors);
    runner.start();
    await runner.waitFor((await store.headPosition())!.commit);
    const before = listCampaigns(db);
    await runner.stop();
    db.prepare(`UPDATE campaigns SET name = 'corrupted'`).run();
    const bumped = allProjectors.map((p) => (p.name === 'campaigns' ? { ...p, version: p.version + 1 } : p));
    runner = new ProjectionRunner(store, db, bumped);
    runner.start();
    await runner.waitFor((await store.headPosition())!.commit);
    expect(listCampaigns(db)).toEqual(before);
    db.prepare(`UPDATE campaigns SET name = 'corrupted'`).run();
    await runner.rebuild();
    await runner.waitFor((await store.headPosition())!.commit);
    expect(listCampaigns(db)).toEqual(before);
  });

  it('a waiter keeps waiting through a rebuild and is answered true once the rebuilt models reach its position', async () => {
    for (let i = 0; i < 300; i++) await store.appendToStream(`campaign-r${i}`, [created(`r${i}`)]);
    runner = new ProjectionRunner(store, db, allProjectors, { batchSize: 50 });
    runner.start();
    const head = (await store.headPosition())!.commit;
    await runner.waitFor(head);
    const { position } = await store.appendToStream('campaign-late', [created('late')]);
    const waiting = runner.waitFor(position!.commit);
    await runner.rebuild();
    expect(await waiting).toBe(true);
    expect(listCampaigns(db).some((c) => c.id === 'late')).toBe(true);
  });

  it('once stopped for good, waiting answers false at once', async () => {
    runner = new ProjectionRunner(store, db, allProjectors);
    runner.start();
    await runner.stop();
    const { position } = await store.appendToStream('campaign-x', [created('x')]);
    expect(await runner.waitFor(position!.commit, 60_000)).toBe(false);
  });
});
