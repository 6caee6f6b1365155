import { textingDecider, textingStream, type SendInitialMessage, type TextingCommand } from '@textbank/domain';
import { eventIdFor, SqliteEventStore } from '@textbank/event-store';
import { allProjectors, openReadModelDatabase, ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Metrics } from '../metrics/metrics.js';
import type { CommandEnvelope } from './command-envelope.js';
import { CommandExecutor } from './command-executor.js';

const now = '2026-07-15T18:00:00.000Z'; // 14:00 in New York
const stream = textingStream('c1');
let ids = 0;
const nextId = () => `0195f5a0-0000-7000-8000-${String(++ids).padStart(12, '0')}`;
const envelope = (commandId: string, keyed = false): CommandEnvelope => ({
  commandId,
  ...(keyed && { keyed }),
  correlationId: 'test',
  actor: { id: 'ana', kind: 'person', name: 'Ana' },
  now: new Date(now),
});
const send = (contactId: string): SendInitialMessage => ({
  type: 'SendInitialMessage', campaignId: 'c1', contactId, texterId: 'ana', messageId: `m-${contactId}`, gestureId: `g-${contactId}`, to: '+12125550101',
  body: 'Hi', scriptVersion: 1, variantId: 'v1', segments: 1, encoding: 'GSM-7', timeZone: 'America/New_York',
  hours: { start: '09:00', end: '21:00' }, campaignStatus: 'active', optedOut: false, now,
});

/**
 * The executor hands a stream's appends to the store without waiting for
 * their commits (command-executor.ts): commands of one stream are decided
 * one after the other on the state the appends before them will leave, and
 * commit together. On a real SQLite file, as in production.
 */
describe('pipelined appends on one stream', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: Database.Database;
  let runner: ProjectionRunner;
  let executor: CommandExecutor;
  const texting = (command: TextingCommand, commandId = nextId(), keyed = false) =>
    executor.execute({ stream, decider: textingDecider, command, envelope: envelope(commandId, keyed) });
  const sendsInLog = async () => (await store.readStream(stream)).filter((e) => e.type === 'InitialMessageSent').map((e) => (e.data as { contactId: string }).contactId);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pipelined-'));
    store = new SqliteEventStore({ path: join(dir, 'events.db') });
    readModels = openReadModelDatabase(join(dir, 'read-models.db'));
    runner = new ProjectionRunner(store, readModels, allProjectors);
    runner.start();
    executor = new CommandExecutor(store, new Metrics(), runner, readModels);
    const contacts = Array.from({ length: 60 }, (_, i) => `k${i}`);
    expect(await texting({ type: 'AssignContacts', campaignId: 'c1', texterId: 'ana', count: 60, candidates: contacts, now })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('concurrent sends all land exactly once, sharing group commits, each answered with its own position', async () => {
    const before = store.groupStats.groups;
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => texting(send(`k${i}`))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const positions = outcomes.map((o) => (o.ok ? o.position : 0n));
    expect(new Set(positions).size).toBe(50);
    expect((await sendsInLog()).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `k${i}`).sort());
    // One at a time, each send would have been its own commit.
    expect(store.groupStats.groups - before).toBeLessThan(5);
  });

  it('a double press (the same gesture twice at once) lands once and both answer alike', async () => {
    const gesture = nextId();
    const [first, second] = await Promise.all([texting(send('k1'), gesture, true), texting(send('k1'), gesture, true)]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(await sendsInLog()).toEqual(['k1']);
  });

  it('a commit that fails takes the state decided on it along: later commands are decided again on the stream as stored', async () => {
    const failing = nextId();
    // The disk refuses this one event (a trigger stands in for an I/O error in the middle of a group).
    store.db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON events WHEN NEW.event_id = '${eventIdFor(failing, 0)}' BEGIN SELECT RAISE(ABORT, 'the disk says no'); END`);
    const first = texting(send('k1'), failing);
    // Decided while the first was still committing: on a state where k1 already had their text.
    const again = texting(send('k1'));
    const other = texting(send('k2'));
    await expect(first).rejects.toThrow(/the disk says no/);
    // Refused at first ("already had their first text"), on a state that never landed: decided again, it goes.
    expect(await again).toMatchObject({ ok: true });
    expect(await other).toMatchObject({ ok: true });
    expect((await sendsInLog()).sort()).toEqual(['k1', 'k2']);
    // Nothing of the failed one is left in the cache: the next decisions see exactly the log.
    expect(await texting(send('k1'))).toMatchObject({ ok: false, rejection: { message: /already had their first text/ } });
    expect(await texting(send('k3'))).toMatchObject({ ok: true });
    const state = await executor.current(stream, textingDecider);
    expect([...state.texted].sort()).toEqual(['k1', 'k2', 'k3']);
    expect(state.untexted.get('ana')?.has('k1')).toBe(false);
  });

  it('a refusal decided on appends still committing stands once they land', async () => {
    const [sent, refused] = await Promise.all([texting(send('k5')), texting(send('k5'))]);
    expect(sent).toMatchObject({ ok: true });
    expect(refused).toMatchObject({ ok: false, rejection: { message: /already had their first text/ } });
    expect(await sendsInLog()).toEqual(['k5']);
  });
});
