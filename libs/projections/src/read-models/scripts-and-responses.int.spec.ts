import type { Change } from '@textbank/contracts';
import { newEventId, SqliteEventStore, type EventData } from '@textbank/event-store';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectionRunner } from '../projection-runner.js';
import { openReadModelDatabase } from '../read-model-database.js';
import { cannedResponsesProjector, listCannedResponses } from './canned-responses.js';
import { findScript, findScriptVersion, scriptsProjector } from './scripts.js';

const at = '2026-12-02T12:00:00.000Z';
const metadata = { actor: { id: 'p1', kind: 'person', name: 'Ada' }, correlationId: 'c', timestamp: at, schemaVersion: 1 };
const event = (type: string, data: object): EventData => ({ id: newEventId(), type, data, metadata: { ...metadata, causationId: newEventId() } });
const campaignId = '0195f5a0-0000-7000-8000-0000000000c1';
const revised = (version: number, bodies: string[]) =>
  event('InitialScriptRevised', { campaignId, version, variants: bodies.map((body, i) => ({ variantId: `v${i}`, body })), revisedAt: at });
const created = (responseId: string, title: string, body = `${title} body`) =>
  event('CannedResponseCreated', { campaignId, responseId, title, body, version: 1, createdAt: at });

describe('script and canned-response read models', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let runner: ProjectionRunner;
  const pushed: Change[] = [];
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    db = openReadModelDatabase(':memory:');
    runner = new ProjectionRunner(store, db, [scriptsProjector, cannedResponsesProjector]);
    pushed.length = 0;
    runner.onChanges((changes) => pushed.push(...changes));
    runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    db.close();
  });
  const caughtUp = async () => expect(await runner.waitFor((await store.headPosition())!.commit)).toBe(true);

  it('serves the latest script version and keeps the earlier ones', async () => {
    expect(findScript(db, campaignId)).toEqual({ campaignId, version: 0, variants: [], revisedAt: null, revisedBy: null, revision: -1 });
    await store.appendToStream(`campaign-script-${campaignId}`, [revised(1, ['Hi {firstName}']), revised(2, ['Hello {firstName}', 'Hey'])]);
    await caughtUp();
    expect(findScript(db, campaignId)).toEqual({
      campaignId,
      version: 2,
      variants: [{ variantId: 'v0', body: 'Hello {firstName}' }, { variantId: 'v1', body: 'Hey' }],
      revisedAt: at,
      revisedBy: { id: 'p1', kind: 'person', name: 'Ada' },
      revision: 1,
    });
    expect(findScriptVersion(db, campaignId, 1)?.variants).toEqual([{ variantId: 'v0', body: 'Hi {firstName}' }]);
    expect(pushed.filter((c) => c.kind === 'script.revised').map((c) => [c.topic, c.kind === 'script.revised' && c.payload.version])).toEqual(
      expect.arrayContaining([[`campaign:${campaignId}`, 2]]),
    );
  });

  it('keeps canned responses in order through edits, reorders and deletes, pushing the whole list', async () => {
    const stream = `campaign-responses-${campaignId}`;
    await store.appendToStream(stream, [created('a', 'Where to vote'), created('b', 'Wrong number'), created('c', 'Volunteer?')]);
    await store.appendToStream(stream, [
      event('CannedResponseEdited', { campaignId, responseId: 'b', version: 2, body: 'Sorry, wrong number!', editedAt: at }),
      event('CannedResponsesReordered', { campaignId, order: ['c', 'a', 'b'], reorderedAt: at }),
    ]);
    await caughtUp();
    expect(listCannedResponses(db, campaignId).map((r) => [r.responseId, r.rank, r.version])).toEqual([['c', 0, 1], ['a', 1, 1], ['b', 2, 2]]);
    expect(listCannedResponses(db, campaignId)[2]).toMatchObject({ title: 'Wrong number', body: 'Sorry, wrong number!', updatedBy: { name: 'Ada' } });
    await store.appendToStream(stream, [event('CannedResponseDeleted', { campaignId, responseId: 'c', deletedAt: at })]);
    await caughtUp();
    expect(listCannedResponses(db, campaignId).map((r) => [r.responseId, r.rank])).toEqual([['a', 0], ['b', 1]]);
    const last = pushed.filter((c) => c.kind === 'canned-responses.changed').at(-1);
    expect(last).toMatchObject({ topic: `campaign:${campaignId}`, payload: { campaignId, responses: [{ responseId: 'a' }, { responseId: 'b' }] } });
  });

  it('searches titles and bodies, ignoring case and accents', async () => {
    await store.appendToStream(`campaign-responses-${campaignId}`, [
      created('a', 'Dónde votar', 'En la biblioteca'),
      created('b', 'Wrong number', 'Sorry!'),
      created('c', 'Thanks', 'Where to VOTE: the library'),
    ]);
    await caughtUp();
    const ids = (search: string) => listCannedResponses(db, campaignId, search).map((r) => r.responseId);
    expect(ids('donde')).toEqual(['a']);
    expect(ids('LIBRARY')).toEqual(['c']);
    expect(ids('vot')).toEqual(['a', 'c']);
    expect(ids('  ')).toEqual(['a', 'b', 'c']);
    expect(ids('%')).toEqual([]);
  });

  it('a rebuild gives the same read model', async () => {
    const stream = `campaign-responses-${campaignId}`;
    await store.appendToStream(stream, [created('a', 'One'), created('b', 'Two'), event('CannedResponseDeleted', { campaignId, responseId: 'a', deletedAt: at })]);
    await store.appendToStream(`campaign-script-${campaignId}`, [revised(1, ['Hi'])]);
    await caughtUp();
    const before = [listCannedResponses(db, campaignId), findScript(db, campaignId)];
    await runner.rebuild();
    await caughtUp();
    expect([listCannedResponses(db, campaignId), findScript(db, campaignId)]).toEqual(before);
  });
});
