import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { startWithOwner, type Member } from '../testing/people.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';

const BOM = '\uFEFF';
const CSV = [
  'Cell Phone,First Name,Last,Zip,Polling Place',
  '(212) 555-0101,Ana,Diaz,10001,Library',
  '415.555.0102,Ben,Ito,94110,School',
  '212-555-0101,Ana,Again,10001,Library', // the same number again
  '555-12,Bad,Number,10001,Library',
  '=HYPERLINK("x"),Evil,Cell,10001,Library',
  '+1 602 555 0103,Cy,Ng,,Gym', // no ZIP
  '(202) 555-0104,Dee,Opted,20001,Hall',
  '',
].join('\r\n');

describe('uploading contacts', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  let campaignId: string;
  beforeEach(async () => {
    ({ app, http, owner } = await startWithOwner());
    campaignId = (await http.post('/api/campaigns').set('cookie', owner.cookie).send({ name: 'GOTV' }).expect(201)).body.id;
  });
  afterEach(async () => app.close());

  const preview = (body: string | Buffer, type = 'text/csv') => http.post(`/api/campaigns/${campaignId}/uploads/preview`).set('cookie', owner.cookie).set('Content-Type', type).send(Buffer.from(body));
  const upload = (body: string | Buffer, mapping: unknown, headers: Record<string, string> = {}) => {
    let call = http.post(`/api/campaigns/${campaignId}/uploads?fileName=list.csv`).set('cookie', owner.cookie).set('Content-Type', 'text/csv');
    if (mapping !== undefined) call = call.set('Textbank-Mapping', encodeURIComponent(JSON.stringify(mapping)));
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
    return call.send(Buffer.from(body));
  };

  it('previews, uploads with the guessed mapping, counts every row by reason and shows the contacts', async () => {
    await http.post('/api/opt-outs').set('cookie', owner.cookie).send({ phone: '202-555-0104' }).expect(201);
    const seen = await preview(BOM + CSV).expect(201);
    expect(seen.body.headers).toEqual(['Cell Phone', 'First Name', 'Last', 'Zip', 'Polling Place']);
    expect(seen.body.mapping.columns).toEqual([
      { kind: 'field', field: 'phone' },
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
      { kind: 'field', field: 'zip' },
      { kind: 'custom', key: 'polling_place' },
    ]);
    const done = await upload(BOM + CSV, seen.body.mapping).expect(201);
    expect(done.body.counts).toEqual({ rows: 7, accepted: 3, invalid: 2, duplicate: 1, optedOut: 1 });
    expect(done.body.readable).toBe(true);
    const contacts = await http.get(`/api/campaigns/${campaignId}/contacts`).set('cookie', owner.cookie).expect(200);
    expect(contacts.body.contacts.map((c: { phone: string; timeZone: string | null }) => [c.phone, c.timeZone])).toEqual([
      ['+12125550101', 'America/New_York'],
      ['+14155550102', 'America/Los_Angeles'],
      ['+16025550103', null],
    ]);
    expect(contacts.body.contacts[0].fields).toEqual({ polling_place: 'Library' });
    const rejects = await http.get(`/api/campaigns/${campaignId}/uploads/${done.body.id}/rejects.csv`).set('cookie', owner.cookie).expect(200);
    expect(rejects.headers['content-type']).toMatch(/text\/csv/);
    expect(rejects.text).toMatch(/^row,reason,message,Cell Phone/);
    expect(rejects.text).toContain('4,duplicate_in_file');
    expect(rejects.text).toContain('opted_out');
    expect(rejects.text).not.toMatch(/(^|,)=HYPERLINK/m); // defused against formula injection
    // The custom column is a merge field the campaign's script may use now.
    await http.put(`/api/campaigns/${campaignId}/script`).set('cookie', owner.cookie).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}, vote at {polling_place}!' }] }).expect(200);
  });

  it('pushes progress to the browsers following the campaign, ending with done', async () => {
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: owner.cookie }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const reply = await new Promise<{ ok: boolean }>((resolve) => socket.emit('sync', { topics: [`campaign:${campaignId}`], since: '0' }, resolve));
      expect(reply.ok).toBe(true);
      const phases: string[] = [];
      const changes: string[] = [];
      const key = '0195f5a0-6666-7000-8000-000000000006';
      socket.on('upload-progress', (progress: { phase: string; key: string | null }) => progress.key === key && phases.push(progress.phase));
      socket.on('change', (change: { kind: string; payload: { status?: string } }) => change.kind === 'contact-upload.changed' && changes.push(change.payload.status!));
      const { body } = await preview(CSV).expect(201);
      await upload(CSV, body.mapping, { 'Idempotency-Key': key }).expect(201);
      await expect.poll(() => phases.at(-1)).toBe('done');
      expect(phases[0]).toBe('reading');
      // The campaign's pages (the checklist, the contacts) hear the upload start and complete.
      await expect.poll(() => changes).toEqual(['started', 'completed']);
    } finally {
      socket.disconnect();
    }
  });

  it('a second upload of the same numbers adds nothing; the same request retried answers as the first', async () => {
    const { body } = await preview(CSV).expect(201);
    await upload(CSV, body.mapping).expect(201);
    const again = await upload(CSV, body.mapping).expect(201);
    expect(again.body.counts).toMatchObject({ accepted: 0, duplicate: 5 });
    const key = '0195f5a0-4444-7000-8000-000000000004';
    const other = CSV.replace('415.555.0102', '415.555.0199');
    const first = await upload(other, body.mapping, { 'Idempotency-Key': key }).expect(201);
    const retried = await upload(other, body.mapping, { 'Idempotency-Key': key }).expect(201);
    expect(first.body.counts.accepted).toBe(1);
    expect(retried.body).toMatchObject({ id: first.body.id, counts: first.body.counts });
    expect((await http.get(`/api/campaigns/${campaignId}/contacts`).set('cookie', owner.cookie)).body.total).toBe(5);
  });

  it('refuses files it cannot read with a clear 4xx, and leaves nothing half-done', async () => {
    const mapping = { headers: ['phone'], columns: [{ kind: 'field', field: 'phone' }] };
    expect((await preview('').expect(400)).body.message).toMatch(/empty/i);
    expect((await preview('phone,name\r\n').expect(400)).body.message).toMatch(/no rows/i);
    expect((await preview('name,city\r\nAna,NYC\r\n').expect(400)).body.message).toMatch(/phone/i);
    await preview(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0])).expect(415);
    await preview('phone\r\n2125550101\r\n', 'application/json').expect(415);
    await upload('phone\r\n2125550101\r\n', undefined).expect(400);
    const wrong = await upload('phone\r\n2125550101\r\n', { headers: ['phone'], columns: [{ kind: 'field', field: 'telephone' }] }).expect(400);
    expect(wrong.body.issues[0].path).toMatch(/^mapping/);
    await upload('cell\r\n2125550101\r\n', mapping).expect(400); // a mapping made for another file
    // Declared over 200 MB: refused before a byte of it is read.
    const tooBig = await fetch(`${app.url}/api/campaigns/${campaignId}/uploads`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'text/csv', 'content-length': String(300 * 1024 * 1024), 'textbank-mapping': encodeURIComponent(JSON.stringify(mapping)) },
      body: new ReadableStream({ pull: (controller) => controller.enqueue(new TextEncoder().encode('phone\r\n')) }),
      duplex: 'half',
    } as RequestInit).catch((error: Error) => error);
    expect(tooBig instanceof Response ? tooBig.status : String(tooBig)).toBe(413);
    await upload(`phone\r\n${'9'.repeat(2_000_000)}\r\n`, mapping).expect(400);
    expect((await http.get(`/api/campaigns/${campaignId}/contacts`).set('cookie', owner.cookie)).body.total).toBe(0);
  });

  it('an opt-out list imports from a CSV, by hand, and is searchable', async () => {
    const imported = await http
      .post('/api/opt-outs/import')
      .set('cookie', owner.cookie)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from('number,date\r\n(212) 555-0150,2024-01-01\r\nnot a number,x\r\n212 555 0151,2024-01-02\r\n'))
      .expect(201);
    expect(imported.body).toMatchObject({ added: 2, invalid: 1 });
    await http.post('/api/opt-outs').set('cookie', owner.cookie).send({ phone: '12' }).expect(400);
    const list = await http.get('/api/opt-outs?search=0151').set('cookie', owner.cookie).expect(200);
    expect(list.body.optOuts.map((o: { phone: string }) => o.phone)).toEqual(['+12125550151']);
  });
});
