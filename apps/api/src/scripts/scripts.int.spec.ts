import type { Change } from '@textbank/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

const issuesOf = (response: request.Response) => (response.body.issues ?? []) as Array<{ path: string; message: string }>;

describe('scripts and canned responses over HTTP', () => {
  let app: TestApp;
  let owner: Member;
  let campaignId: string;
  const sockets: Socket[] = [];
  const as = (member: Member) => {
    const http = request(app.app.getHttpServer());
    return {
      get: (url: string) => http.get(url).set('cookie', member.cookie),
      post: (url: string) => http.post(url).set('cookie', member.cookie),
      put: (url: string) => http.put(url).set('cookie', member.cookie),
      patch: (url: string) => http.patch(url).set('cookie', member.cookie),
      delete: (url: string) => http.delete(url).set('cookie', member.cookie),
    };
  };
  beforeEach(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    campaignId = (await as(owner).post('/api/campaigns').send({ name: 'GOTV' }).expect(201)).body.id;
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await app.close();
  });
  const script = () => `/api/campaigns/${campaignId}/script`;
  const responses = () => `/api/campaigns/${campaignId}/responses`;

  it('saves each change to the initial script as a new version, keeping variant ids', async () => {
    const empty = await as(owner).get(script()).expect(200);
    expect(empty.body).toMatchObject({ version: 0, variants: [], revision: -1, allowedMergeFields: ['firstName', 'lastName', 'texterFirstName'] });
    await as(owner).put(script()).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}, it\'s {texterFirstName}. Will you vote?' }, { body: 'Hello {firstName}!' }] }).expect(200);
    const first = await as(owner).get(script()).expect(200);
    expect(first.body).toMatchObject({ version: 1, revision: 0, revisedBy: { kind: 'person' } });
    const [a, b] = first.body.variants;
    await as(owner).put(script()).send({ expectedRevision: 0, variants: [{ variantId: b.variantId, body: 'Hello {firstName} {lastName}!' }] }).expect(200);
    const second = await as(owner).get(script()).expect(200);
    expect(second.body).toMatchObject({ version: 2, revision: 1, variants: [{ variantId: b.variantId, body: 'Hello {firstName} {lastName}!' }] });
    expect(second.body.variants).toHaveLength(1);
    expect(a.variantId).not.toBe(b.variantId);
    const log = await as(owner).get('/api/events?type=InitialScriptRevised').expect(200);
    expect(log.body.entries).toHaveLength(2);
  });

  it('a stale expectedRevision is a 409 naming it, and nothing is written', async () => {
    await as(owner).put(script()).send({ expectedRevision: -1, variants: [{ body: 'First' }] }).expect(200);
    const stale = await as(owner).put(script()).send({ expectedRevision: -1, variants: [{ body: 'Second' }] }).expect(409);
    expect(issuesOf(stale).map((i) => i.path)).toEqual(['expectedRevision']);
    expect((await as(owner).get(script())).body).toMatchObject({ version: 1, variants: [{ body: 'First' }] });
  });

  it('refuses bad scripts with 400 naming the field, the unknown merge field and where it is', async () => {
    const unknown = await as(owner).put(script()).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}' }, { body: 'Vote at {polling_place}!' }] }).expect(400);
    expect(issuesOf(unknown)).toEqual([{ path: 'variants.1.body', message: expect.stringMatching(/Unknown merge field \{polling_place\} at characters 9-23/) }]);
    const cases: Array<[object, string, RegExp?]> = [
      [{ expectedRevision: -1, variants: [] }, 'variants'],
      [{ expectedRevision: -1, variants: Array.from({ length: 6 }, () => ({ body: 'Hi' })) }, 'variants'],
      [{ expectedRevision: -1, variants: [{ body: '' }] }, 'variants.0.body'],
      [{ expectedRevision: -1, variants: [{ body: 'Hi\u202Ethere' }] }, 'variants.0.body'],
      [{ expectedRevision: -1, variants: [{ body: 'a'.repeat(1601) }] }, 'variants.0.body'],
      [{ expectedRevision: -1, variants: [{ body: '\u{1F600}'.repeat(400) }] }, 'variants.0.body', /segments, at most 10/],
      [{ expectedRevision: -1, variants: [{ body: 'Hi {first name}' }] }, 'variants.0.body', /not a merge field/],
      [{ expectedRevision: -1, variants: [{ variantId: '0195f5a0-0000-7000-8000-0000000000aa', body: 'Hi' }] }, 'variants.0.variantId'],
      [{ variants: [{ body: 'Hi' }] }, 'expectedRevision'],
      [{ expectedRevision: -1, variants: [{ body: 'Hi' }], extra: 1 }, 'body'],
    ];
    for (const [body, field, message] of cases) {
      const response = await as(owner).put(script()).send(body).expect(400);
      expect(issuesOf(response).map((i) => i.path), JSON.stringify(body).slice(0, 80)).toContain(field);
      if (message) expect(issuesOf(response).find((i) => i.path === field)?.message).toMatch(message);
    }
    await as(owner).put('/api/campaigns/0195f5a0-0000-7000-8000-000000000000/script').send({ expectedRevision: -1, variants: [{ body: 'Hi' }] }).expect(404);
    expect((await as(owner).get('/api/events?type=InitialScriptRevised')).body.entries).toEqual([]);
  });

  it('previews the current script for sample contacts, and for a filled and an empty contact by default', async () => {
    await as(owner).put(script()).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}, it\u2019s {texterFirstName}!' }] }).expect(200);
    const defaults = await as(owner).post(`${script()}/preview`).send({}).expect(200);
    expect(defaults.body.version).toBe(1);
    expect(defaults.body.previews.map((p: { text: string; emptyFields: string[] }) => [p.text, p.emptyFields])).toEqual([
      ['Hi Maria, it\u2019s Ada!', []],
      ['Hi , it\u2019s Ada!', ['firstName']],
    ]);
    expect(defaults.body.previews[0].measure).toMatchObject({ encoding: 'UCS-2', segments: 1, ucs2Characters: [{ character: '\u2019', start: 12, end: 13 }] });
    const given = await as(owner).post(`${script()}/preview`).send({ contacts: [{ firstName: 'Jo' }], texterFirstName: 'Sam' }).expect(200);
    expect(given.body.previews).toEqual([expect.objectContaining({ text: 'Hi Jo, it\u2019s Sam!', contact: { firstName: 'Jo', lastName: '', customFields: {} } })]);
    await as(owner).post(`${script()}/preview`).send({ contacts: [] }).expect(400);
    await as(owner).post('/api/campaigns/0195f5a0-0000-7000-8000-000000000000/script/preview').send({}).expect(404);
  });

  it('keeps canned responses titled, ordered and searchable; each change is an event', async () => {
    const ids: string[] = [];
    for (const [title, body] of [['Where to vote', 'Your polling place is on vote.org'], ['Wrong number', 'Sorry, {firstName}!'], ['Volunteer', 'Can you help Saturday?']]) {
      ids.push((await as(owner).post(responses()).send({ title, body }).expect(201)).body.id);
    }
    const titles = async (q?: string) => (await as(owner).get(responses()).query(q === undefined ? {} : { q }).expect(200)).body.responses.map((r: { title: string }) => r.title);
    expect(await titles()).toEqual(['Where to vote', 'Wrong number', 'Volunteer']);
    expect(await titles('SORRY')).toEqual(['Wrong number']);
    await as(owner).patch(`${responses()}/${ids[0]}`).send({ expectedVersion: 1, title: 'Where to vote?' }).expect(200);
    const stale = await as(owner).patch(`${responses()}/${ids[0]}`).send({ expectedVersion: 1, title: 'Again' }).expect(409);
    expect(issuesOf(stale).map((i) => i.path)).toEqual(['expectedVersion']);
    await as(owner).put(`${responses()}/order`).send({ order: [ids[2], ids[0], ids[1]] }).expect(200);
    expect(await titles()).toEqual(['Volunteer', 'Where to vote?', 'Wrong number']);
    const partial = await as(owner).put(`${responses()}/order`).send({ order: [ids[2], ids[0]] }).expect(409);
    expect(issuesOf(partial).map((i) => i.path)).toEqual(['order']);
    await as(owner).delete(`${responses()}/${ids[2]}`).query({ expectedVersion: '1' }).expect(200);
    expect(await titles()).toEqual(['Where to vote?', 'Wrong number']);
    await as(owner).delete(`${responses()}/${ids[2]}`).expect(404);
    await as(owner).delete(`${responses()}/${ids[0]}`).query({ expectedVersion: 'x' }).expect(400);
    const unknown = await as(owner).post(responses()).send({ title: 'Zip', body: 'Your zip is {zip}' }).expect(400);
    expect(issuesOf(unknown)).toEqual([{ path: 'body', message: expect.stringMatching(/\{zip\} at characters 13-17/) }]);
    const missing = await as(owner).post(responses()).send({ body: 'No title' }).expect(400);
    expect(issuesOf(missing).map((i) => i.path)).toContain('title');
    const types = (await as(owner).get('/api/events?type=CannedResponseCreated').expect(200)).body.entries.length;
    expect(types).toBe(3);
  });

  it('volunteers may not read or write; auditors read but do not write', async () => {
    const volunteer = await memberWith(app, owner, 'volunteer');
    const auditor = await memberWith(app, owner, 'auditor');
    await as(volunteer).get(script()).expect(403);
    await as(volunteer).put(script()).send({ expectedRevision: -1, variants: [{ body: 'Hi' }] }).expect(403);
    await as(volunteer).post(`${script()}/preview`).send({}).expect(403);
    await as(volunteer).get(responses()).expect(403);
    await as(volunteer).post(responses()).send({ title: 'T', body: 'B' }).expect(403);
    await as(auditor).get(script()).expect(200);
    await as(auditor).post(`${script()}/preview`).send({}).expect(200);
    await as(auditor).get(responses()).expect(200);
    await as(auditor).put(script()).send({ expectedRevision: -1, variants: [{ body: 'Hi' }] }).expect(403);
    await as(auditor).post(responses()).send({ title: 'T', body: 'B' }).expect(403);
  });

  it("pushes script and response changes to sockets following 'campaign:<id>'", async () => {
    const page = await as(owner).get(script()).expect(200);
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: owner.cookie }, reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    const topic = `campaign:${campaignId}`;
    const reply = await new Promise<{ ok: boolean }>((resolve) => socket.emit('sync', { topics: [topic], since: page.body.position }, resolve));
    expect(reply.ok).toBe(true);
    const received: Change[] = [];
    socket.on('change', (change: Change) => received.push(change));
    const saved = await as(owner).put(script()).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}' }] }).expect(200);
    await as(owner).post(responses()).send({ title: 'Thanks', body: 'Thank you!' }).expect(201);
    await expect.poll(() => received.map((c) => [c.topic, c.kind])).toEqual([
      [topic, 'script.revised'],
      [topic, 'canned-responses.changed'],
    ]);
    expect(received[0]).toMatchObject({ position: saved.body.position, payload: { campaignId, version: 1, variants: [{ body: 'Hi {firstName}' }] } });
    expect(received[1]).toMatchObject({ payload: { campaignId, responses: [{ title: 'Thanks', rank: 0, version: 1 }] } });
  });
});
