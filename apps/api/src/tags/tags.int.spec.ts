import type { Change } from '@textbank/contracts';
import { io } from 'socket.io-client';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

describe('tags over HTTP', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  beforeEach(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    http = request(app.app.getHttpServer());
  });
  afterEach(async () => app.close());

  const create = (body: object, as: Member = owner) => http.post('/api/tags').set('cookie', as.cookie).send(body);
  const list = async () => (await http.get('/api/tags').set('cookie', owner.cookie).expect(200)).body;

  it('creates, renames, recolours, regroups and archives a tag, read back through the read model (its revision counts its events)', async () => {
    const created = await create({ name: ' Wrong  number ', colour: 'red', group: 'Outcome' }).expect(201);
    expect((await list()).tags).toEqual([
      expect.objectContaining({ id: created.body.id, name: 'Wrong number', colour: 'red', group: 'Outcome', archived: false, revision: 0 }),
    ]);
    await http.patch(`/api/tags/${created.body.id}`).set('cookie', owner.cookie).send({ expectedRevision: 0, name: 'Wrong #', colour: 'grey', group: null }).expect(200);
    expect((await list()).tags[0]).toMatchObject({ name: 'Wrong #', colour: 'grey', group: null, revision: 3 });
    await http.post(`/api/tags/${created.body.id}/archive`).set('cookie', owner.cookie).send({ expectedRevision: 3 }).expect(200);
    expect((await list()).tags[0]).toMatchObject({ archived: true, revision: 4 });
    await http.patch(`/api/tags/${created.body.id}`).set('cookie', owner.cookie).send({ expectedRevision: 4, name: 'Back' }).expect(409);
    // Its name is free again; the archived tag stays listed (conversations point at it).
    await create({ name: 'wrong #', colour: 'red' }).expect(201);
    expect((await list()).tags.map((t: { name: string; archived: boolean }) => [t.name, t.archived])).toEqual([['wrong #', false], ['Wrong #', true]]);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const cases: Array<[object, string]> = [
      [{ colour: 'red' }, 'name'],
      [{ name: '', colour: 'red' }, 'name'],
      [{ name: 'x'.repeat(51), colour: 'red' }, 'name'],
      [{ name: 'Lead\u202E', colour: 'red' }, 'name'],
      [{ name: 'Lead', colour: '#ff0000' }, 'colour'],
      [{ name: 'Lead', colour: 'red', group: '' }, 'group'],
      [{ name: 'Lead', colour: 'red', extra: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await create(body).expect(400);
      expect(response.body.issues.map((i: { path: string }) => i.path), JSON.stringify(body)).toContain(field);
    }
    const tag = await create({ name: 'Lead', colour: 'red' }).expect(201);
    const noChange = await http.patch(`/api/tags/${tag.body.id}`).set('cookie', owner.cookie).send({ expectedRevision: 0 }).expect(400);
    expect(noChange.body.message).toMatch(/name, colour or group/);
    await http.patch('/api/tags/not-a-uuid').set('cookie', owner.cookie).send({ expectedRevision: 0, name: 'x' }).expect(400);
    await http.patch('/api/tags/0195f5a0-0000-7000-8000-000000000000').set('cookie', owner.cookie).send({ expectedRevision: 0, name: 'x' }).expect(404);
    expect((await list()).tags).toHaveLength(1);
  });

  it('409 for a name in use (any case), and for a stale revision of the same tag, but not of another', async () => {
    const a = await create({ name: 'Volunteer lead', colour: 'green' }).expect(201);
    const b = await create({ name: 'Maybe', colour: 'amber' }).expect(201);
    const taken = await create({ name: 'VOLUNTEER LEAD', colour: 'red' }).expect(409);
    expect(taken.body).toMatchObject({ statusCode: 409, issues: [{ path: 'name' }] });
    await http.patch(`/api/tags/${b.body.id}`).set('cookie', owner.cookie).send({ expectedRevision: 0, name: 'volunteer Lead' }).expect(409);
    await http.patch(`/api/tags/${a.body.id}`).set('cookie', owner.cookie).send({ expectedRevision: 0, colour: 'teal' }).expect(200);
    const stale = await http.patch(`/api/tags/${a.body.id}`).set('cookie', owner.cookie).send({ expectedRevision: 0, colour: 'blue' }).expect(409);
    expect(stale.body.issues).toEqual([expect.objectContaining({ path: 'expectedRevision' })]);
    // b's revision is untouched by a's changes.
    await http.patch(`/api/tags/${b.body.id}`).set('cookie', owner.cookie).send({ expectedRevision: 0, colour: 'blue' }).expect(200);
  });

  it('two admins creating the same name at once: exactly one wins, 20 times over', async () => {
    const admin = await memberWith(app, owner, 'admin');
    for (let round = 0; round < 20; round++) {
      const name = `Race ${round}`;
      const [first, second] = await Promise.all([create({ name, colour: 'red' }, owner), create({ name: name.toUpperCase(), colour: 'blue' }, admin)]);
      expect([first.status, second.status].sort(), `round ${round}`).toEqual([201, 409]);
    }
    const names = (await list()).tags.map((t: { name: string }) => t.name.toLowerCase());
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(20);
  });

  it('auditors read, volunteers neither read, write nor follow', async () => {
    const auditor = await memberWith(app, owner, 'auditor');
    const volunteer = await memberWith(app, owner, 'volunteer');
    await http.get('/api/tags').set('cookie', auditor.cookie).expect(200);
    await create({ name: 'Nope', colour: 'red' }, auditor).expect(403);
    await http.get('/api/tags').set('cookie', volunteer.cookie).expect(403);
    await create({ name: 'Nope', colour: 'red' }, volunteer).expect(403);
    expect((await list()).tags).toEqual([]);
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: volunteer.cookie }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const reply = await new Promise<{ ok: boolean }>((resolve) => socket.emit('sync', { topics: ['tags'], since: '0' }, resolve));
      expect(reply.ok).toBe(false);
    } finally {
      socket.disconnect();
    }
  });

  it("pushes tag changes to followers of 'tags', and replays them on sync", async () => {
    const before = await create({ name: 'Early', colour: 'red' }).expect(201);
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: owner.cookie }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const replay = await new Promise<{ ok: boolean; changes: Change[] }>((resolve) => socket.emit('sync', { topics: ['tags'], since: '0' }, resolve));
      expect(replay.changes.map((c) => [c.kind, c.topic, c.kind === 'tag.upserted' && c.payload.id])).toEqual([['tag.upserted', 'tags', before.body.id]]);
      const received: Change[] = [];
      socket.on('change', (change: Change) => received.push(change));
      const later = await create({ name: 'Late', colour: 'blue' }).expect(201);
      await expect.poll(() => received.map((c) => [c.topic, c.kind === 'tag.upserted' && c.payload.name])).toEqual([['tags', 'Late']]);
      expect(received[0]!.position).toBe(later.body.position);
    } finally {
      socket.disconnect();
    }
  });
});
