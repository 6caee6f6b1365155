import { eventIdFor, newEventId, type EventStore } from '@textbank/event-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { memberWith, startWithOwner, type Member } from '../testing/people.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';
import type request from 'supertest';

const metadata = (now: string) => ({ actor: { id: 'p1', kind: 'person', name: 'Ada' }, causationId: newEventId(), correlationId: 'test', timestamp: now, schemaVersion: 1 });

/** The contacts pages over HTTP, fed by upload events written straight to the log (the upload endpoint has its own tests). */
describe('contacts pages', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  let campaignId: string;
  beforeEach(async () => {
    ({ app, http, owner } = await startWithOwner());
    campaignId = (await http.post('/api/campaigns').set('cookie', owner.cookie).send({ name: 'GOTV', textingHours: { start: '09:00', end: '21:00' } }).expect(201)).body.id;
  });
  afterEach(async () => app.close());

  const upload = async (uploadId: string, contacts: Array<{ phone: string; timeZone: string | null; firstName?: string }>, complete: boolean) => {
    const store = app.app.get<EventStore>(EVENT_STORE);
    const now = new Date().toISOString();
    const e = (type: string, data: object) => ({ id: newEventId(), type, data, metadata: metadata(now) });
    await store.appendToStream(`contact-upload-${uploadId}`, [
      e('ContactUploadStarted', { uploadId, campaignId, organizationId: 'o', fileName: 'list.csv', mapping: { phone: 'phone', customFields: {} }, startedAt: now }),
      e('ContactsChunkAccepted', {
        uploadId, campaignId, chunk: 0,
        contacts: contacts.map((c) => ({ contactId: eventIdFor(`${campaignId}:${c.phone}`, 0), phone: c.phone, firstName: c.firstName ?? 'Pat', lastName: 'Doe', zip: null, timeZone: c.timeZone, externalId: null, fields: {} })),
      }),
      ...(complete ? [e('ContactUploadCompleted', { uploadId, campaignId, counts: { rows: contacts.length, accepted: contacts.length, invalid: 0, duplicate: 0, optedOut: 0 }, reasons: {}, completedAt: now })] : []),
    ]);
    await http.get('/api/health'); // let the runner catch up
  };

  it('lists, counts and discards: an interrupted upload shows nothing and can be discarded', async () => {
    const u1 = newEventId();
    await upload(u1, [{ phone: '+12125550101', timeZone: 'America/New_York' }, { phone: '+13105550102', timeZone: 'America/Los_Angeles', firstName: 'Quinn' }, { phone: '+16025550103', timeZone: null }], true);
    const u2 = newEventId();
    await upload(u2, [{ phone: '+12125550199', timeZone: 'America/New_York' }], false);
    await expect.poll(async () => (await http.get(`/api/campaigns/${campaignId}/contacts`).set('cookie', owner.cookie)).body.total).toBe(3);
    const page = await http.get(`/api/campaigns/${campaignId}/contacts?search=quinn`).set('cookie', owner.cookie).expect(200);
    expect(page.body.contacts.map((c: { phone: string }) => c.phone)).toEqual(['+13105550102']);
    expect((await http.get(`/api/campaigns/${campaignId}/contacts?timeZone=none`).set('cookie', owner.cookie)).body.total).toBe(1);
    const summary = await http.get(`/api/campaigns/${campaignId}/contacts/summary`).set('cookie', owner.cookie).expect(200);
    expect(summary.body.total).toBe(3);
    expect(summary.body.byTimeZone).toHaveLength(3);
    expect(summary.body.openNow).toBe(summary.body.byTimeZone.filter((z: { openNow: boolean }) => z.openNow).reduce((n: number, z: { count: number }) => n + z.count, 0));
    const uploads = await http.get(`/api/campaigns/${campaignId}/uploads`).set('cookie', owner.cookie).expect(200);
    expect(uploads.body.uploads.find((u: { id: string }) => u.id === u2)).toMatchObject({ status: 'started', interrupted: true, received: 1 });
    await http.delete(`/api/campaigns/${campaignId}/uploads/${u2}`).set('cookie', owner.cookie).expect(200);
    await http.delete(`/api/campaigns/${campaignId}/uploads/${u1}`).set('cookie', owner.cookie).expect(409);
    const after = await http.get(`/api/campaigns/${campaignId}/uploads`).set('cookie', owner.cookie).expect(200);
    expect(after.body.uploads.find((u: { id: string }) => u.id === u2).status).toBe('abandoned');
    expect((await http.get(`/api/campaigns/${campaignId}/contacts`).set('cookie', owner.cookie)).body.total).toBe(3);
  });

  it('refuses volunteers, unknown campaigns and bad filters clearly', async () => {
    const volunteer = await memberWith(app, owner, 'volunteer');
    await http.get(`/api/campaigns/${campaignId}/contacts`).set('cookie', volunteer.cookie).expect(403);
    await http.get(`/api/campaigns/${newEventId()}/contacts`).set('cookie', owner.cookie).expect(404);
    const bad = await http.get(`/api/campaigns/${campaignId}/contacts?zip=9411`).set('cookie', owner.cookie).expect(400);
    expect(JSON.stringify(bad.body)).toContain('zip');
    await http.get(`/api/campaigns/${campaignId}/contacts?limit=100000`).set('cookie', owner.cookie).expect(400);
  });
});
