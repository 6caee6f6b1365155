import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { startWithOwner, type Member } from '../testing/people.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';

/** Issue 7 end to end, with nothing stubbed: a spreadsheet and a script make a campaign ready to launch. */
describe('from a spreadsheet to a launched campaign', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  beforeEach(async () => {
    ({ app, http, owner } = await startWithOwner());
  });
  afterEach(async () => app.close());

  it('the checklist follows real uploads and scripts, and launch succeeds once it is ready', async () => {
    const campaignId = (await http.post('/api/campaigns').set('cookie', owner.cookie).send({ name: 'Ward 3 GOTV' }).expect(201)).body.id;
    const checklist = async () => (await http.get(`/api/campaigns/${campaignId}/checklist`).set('cookie', owner.cookie).expect(200)).body;
    expect((await checklist()).items.filter((i: { ready: boolean }) => !i.ready).map((i: { item: string }) => i.item)).toEqual(['contacts', 'initialScript']);

    const csv = 'phone,first,ward\r\n(212) 555-0101,Ana,3\r\n(212) 555-0102,Ben,3\r\n';
    const preview = await http.post(`/api/campaigns/${campaignId}/uploads/preview`).set('cookie', owner.cookie).set('Content-Type', 'text/csv').send(Buffer.from(csv)).expect(201);
    await http
      .post(`/api/campaigns/${campaignId}/uploads?fileName=ward3.csv`)
      .set('cookie', owner.cookie)
      .set('Content-Type', 'text/csv')
      .set('Textbank-Mapping', encodeURIComponent(JSON.stringify(preview.body.mapping)))
      .send(Buffer.from(csv))
      .expect(201);
    // A field no upload has is refused at save, naming it; the ward column is known.
    const unknown = await http.put(`/api/campaigns/${campaignId}/script`).set('cookie', owner.cookie).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}, vote at {pollingPlace}' }] }).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('pollingPlace');
    await http.put(`/api/campaigns/${campaignId}/script`).set('cookie', owner.cookie).send({ expectedRevision: -1, variants: [{ body: 'Hi {firstName}, ward {ward} votes Tuesday!' }] }).expect(200);
    // The preview renders for the campaign's own contacts, and for one with empty fields.
    const rendered = await http.post(`/api/campaigns/${campaignId}/script/preview`).set('cookie', owner.cookie).send({}).expect(200);
    const texts: string[] = rendered.body.previews.map((p: { text: string }) => p.text);
    expect([...texts.slice(0, 2)].sort()).toEqual(['Hi Ana, ward 3 votes Tuesday!', 'Hi Ben, ward 3 votes Tuesday!']);
    expect(texts[2]).toBe('Hi , ward  votes Tuesday!');
    expect((await checklist()).ready).toBe(true);
    await http.post(`/api/campaigns/${campaignId}/launch`).set('cookie', owner.cookie).send({}).expect(200);
    expect((await http.get(`/api/campaigns/${campaignId}`).set('cookie', owner.cookie)).body.status).toBe('active');
  });
});
