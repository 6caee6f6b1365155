import { newEventId, SqliteEventStore, type EventData } from '@textbank/event-store';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allProjectors } from '../all-projectors.js';
import { ProjectionRunner } from '../projection-runner.js';
import { openReadModelDatabase } from '../read-model-database.js';
import { contactCount, customFieldsOf, findContacts, findUpload, optedOutAmong } from './contacts.js';

const metadata = { actor: { id: 'p1', kind: 'person', name: 'Ada' }, causationId: 'c', correlationId: 'c', timestamp: '2026-12-02T12:00:00.000Z', schemaVersion: 1 };
const event = (type: string, data: object): EventData => ({ id: newEventId(), type, data, metadata: { ...metadata, causationId: newEventId() } });
const contact = (n: number, extra: object = {}) => ({
  contactId: `contact-${n}`, phone: `+1415555${String(n).padStart(4, '0')}`, firstName: `First${n}`, lastName: `Last${n}`,
  zip: '94110', timeZone: 'America/Los_Angeles', externalId: null, fields: { polling_place: n % 2 ? 'Library' : 'School' }, ...extra,
});
const started = (uploadId: string, customFields: Record<string, string> = {}) =>
  event('ContactUploadStarted', { uploadId, campaignId: 'c1', organizationId: 'o1', fileName: 'list.csv', mapping: { phone: 'phone', customFields }, startedAt: '2026-12-02T12:00:00.000Z' });
const chunk = (uploadId: string, n: number, contacts: object[]) => event('ContactsChunkAccepted', { uploadId, campaignId: 'c1', chunk: n, contacts });
const completed = (uploadId: string, accepted: number) =>
  event('ContactUploadCompleted', {
    uploadId, campaignId: 'c1', counts: { rows: accepted, accepted, invalid: 0, duplicate: 0, optedOut: 0 }, reasons: {}, completedAt: '2026-12-02T12:01:00.000Z',
  });

describe('contacts read model', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let runner: ProjectionRunner;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    db = openReadModelDatabase(':memory:');
    runner = new ProjectionRunner(store, db, allProjectors);
    runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    db.close();
  });
  const caughtUp = async () => expect(await runner.waitFor((await store.headPosition())!.commit)).toBe(true);

  it('shows an upload\'s contacts only once it completes; an abandoned one never', async () => {
    await store.appendToStream('contact-upload-u1', [started('u1'), chunk('u1', 0, [contact(1), contact(2)]), chunk('u1', 1, [contact(3)])]);
    await caughtUp();
    expect(contactCount(db, 'c1')).toBe(0);
    expect(findUpload(db, 'u1')).toMatchObject({ status: 'started', received: 3 });
    await store.appendToStream('contact-upload-u1', [completed('u1', 3)]);
    await caughtUp();
    expect(contactCount(db, 'c1')).toBe(3);
    await store.appendToStream('contact-upload-u2', [started('u2'), chunk('u2', 0, [contact(4)]), event('ContactUploadAbandoned', { uploadId: 'u2', campaignId: 'c1', reason: 'x', abandonedAt: 'now' })]);
    await caughtUp();
    expect(contactCount(db, 'c1')).toBe(3);
    expect(findUpload(db, 'u2')).toMatchObject({ status: 'abandoned' });
  });

  it("a campaign's merge fields are the custom fields of its completed uploads", async () => {
    await store.appendToStream('contact-upload-u1', [started('u1', { 'Polling Place': 'polling_place' }), chunk('u1', 0, [contact(1)]), completed('u1', 1)]);
    await store.appendToStream('contact-upload-u2', [started('u2', { Ward: 'ward', 'Polling Place': 'polling_place' }), chunk('u2', 0, [contact(2)])]);
    await caughtUp();
    expect(customFieldsOf(db, 'c1')).toEqual(['polling_place']);
    await store.appendToStream('contact-upload-u2', [completed('u2', 1)]);
    await caughtUp();
    expect(customFieldsOf(db, 'c1')).toEqual(['polling_place', 'ward']);
  });

  it("an unfinished upload's contacts are taken over by the next upload that brings their numbers", async () => {
    await store.appendToStream('contact-upload-u1', [started('u1'), chunk('u1', 0, [contact(1), contact(2)])]);
    await store.appendToStream('contact-upload-u2', [started('u2'), chunk('u2', 0, [contact(1, { firstName: 'Retried' })]), completed('u2', 1)]);
    await caughtUp();
    const { contacts, total } = findContacts(db, 'c1', { limit: 10, offset: 0 });
    expect(total).toBe(1);
    expect(contacts[0]).toMatchObject({ id: 'contact-1', firstName: 'Retried', uploadId: 'u2' });
    expect(contactCount(db, 'c1')).toBe(1);
  });

  it('a number uploaded twice is one contact, kept as first uploaded', async () => {
    await store.appendToStream('contact-upload-u1', [started('u1'), chunk('u1', 0, [contact(1)]), completed('u1', 1)]);
    await store.appendToStream('contact-upload-u2', [started('u2'), chunk('u2', 0, [contact(1, { firstName: 'Changed' })]), completed('u2', 1)]);
    await caughtUp();
    const { contacts, total } = findContacts(db, 'c1', { limit: 10, offset: 0 });
    expect(total).toBe(1);
    expect(contacts[0]).toMatchObject({ firstName: 'First1', uploadId: 'u1' });
  });

  it('finds contacts by name, phone digits, time zone, ZIP and custom field, paged', async () => {
    await store.appendToStream('contact-upload-u1', [
      started('u1'),
      chunk('u1', 0, [contact(1), contact(2), contact(3, { zip: null, timeZone: null }), contact(4, { lastName: '100%_Sure' })]),
      completed('u1', 4),
    ]);
    await caughtUp();
    expect(findContacts(db, 'c1', { search: 'First2', limit: 10, offset: 0 }).total).toBe(1);
    expect(findContacts(db, 'c1', { search: '(415) 555-0003', limit: 10, offset: 0 }).contacts.map((c) => c.id)).toEqual(['contact-3']);
    expect(findContacts(db, 'c1', { search: '100%_', limit: 10, offset: 0 }).total).toBe(1);
    expect(findContacts(db, 'c1', { timeZone: null, limit: 10, offset: 0 }).total).toBe(1);
    expect(findContacts(db, 'c1', { zip: '94110', limit: 10, offset: 0 }).total).toBe(3);
    expect(findContacts(db, 'c1', { field: { key: 'polling_place', value: 'Library' }, limit: 10, offset: 0 }).total).toBe(2);
    const page = findContacts(db, 'c1', { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.contacts).toHaveLength(2);
  });

  it('keeps the organization\'s opt-out list, and forgets a number that opts back in', async () => {
    await store.appendToStream('opt-outs-o1', [
      event('PhonesOptedOut', { organizationId: 'o1', phones: ['+14155550001', '+14155550002'], source: 'import', optedOutAt: 'now' }),
      event('PhoneOptedIn', { organizationId: 'o1', phone: '+14155550002', source: 'reply', optedInAt: 'later' }),
    ]);
    await caughtUp();
    expect([...optedOutAmong(db, 'o1', ['+14155550001', '+14155550002', '+14155550003'])]).toEqual(['+14155550001']);
  });
});
