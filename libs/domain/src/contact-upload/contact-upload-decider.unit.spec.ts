import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { contactUploadDecider, type StartContactUpload } from './contact-upload-decider.js';
import type { ContactUploadEvent, UploadedContact } from './contact-upload-events.js';

const now = '2026-12-02T12:00:00.000Z';
const mapping = { phone: 'Cell', firstName: 'First', customFields: { 'Polling Place': 'polling_place' } };
const start: StartContactUpload = { type: 'StartContactUpload', uploadId: 'u1', campaignId: 'c1', organizationId: 'o1', fileName: 'list.csv', mapping, now };
const started: ContactUploadEvent = { type: 'ContactUploadStarted', data: { uploadId: 'u1', campaignId: 'c1', organizationId: 'o1', fileName: 'list.csv', mapping, startedAt: now } };
const contact = (n: number): UploadedContact => ({
  contactId: `k${n}`, phone: `+1415555${String(n).padStart(4, '0')}`, firstName: 'A', lastName: 'B', zip: null, timeZone: null, externalId: null, fields: {},
});
const contactsOf = (n: number, size = 2) => Array.from({ length: size }, (_, i) => contact(n * 10 + i));
const chunk = (n: number, size = 2): ContactUploadEvent => ({
  type: 'ContactsChunkAccepted',
  data: { uploadId: 'u1', campaignId: 'c1', chunk: n, contacts: Array.from({ length: size }, (_, i) => contact(n * 10 + i)) },
});
const counts = { rows: 6, accepted: 4, invalid: 1, duplicate: 1, optedOut: 0 };
const spec = specify(contactUploadDecider);

describe('contact upload decider', () => {
  it('starts once, with a phone column', () => {
    spec.given([]).when(start).then([started]);
    spec.given([started]).when(start).thenRejects('conflict');
    spec.given([]).when({ ...start, mapping: { ...mapping, phone: '' } }).thenRejects('invalid', /phone/);
  });

  it('takes chunks in order; a chunk sent again is already in; a skipped one is refused', () => {
    spec.given([started]).when({ type: 'AcceptContactsChunk', uploadId: 'u1', chunk: 0, contacts: contactsOf(0) }).then([chunk(0)]);
    spec.given([started, chunk(0)]).when({ type: 'AcceptContactsChunk', uploadId: 'u1', chunk: 0, contacts: contactsOf(0) }).then([]);
    spec.given([started, chunk(0)]).when({ type: 'AcceptContactsChunk', uploadId: 'u1', chunk: 2, contacts: contactsOf(2) }).thenRejects('conflict', /Expected chunk 1/);
    spec.given([started]).when({ type: 'AcceptContactsChunk', uploadId: 'u1', chunk: 0, contacts: [] }).thenRejects('invalid');
  });

  it('completes when the summary adds up to the chunks, once; then nothing more is taken', () => {
    const complete = { type: 'CompleteContactUpload' as const, uploadId: 'u1', counts, reasons: { invalid_phone: 1, duplicate_in_file: 1 }, now };
    const completed: ContactUploadEvent = { type: 'ContactUploadCompleted', data: { uploadId: 'u1', campaignId: 'c1', counts, reasons: complete.reasons, completedAt: now } };
    spec.given([started, chunk(0), chunk(1)]).when(complete).then([completed]);
    spec.given([started, chunk(0)]).when(complete).thenRejects('conflict', /chunks hold 2/);
    spec.given([started, chunk(0), chunk(1)]).when({ ...complete, counts: { ...counts, rows: 7 } }).thenRejects('invalid', /add up/);
    spec.given([started, chunk(0), chunk(1), completed]).when(complete).then([]);
    spec.given([started, chunk(0), chunk(1), completed]).when({ type: 'AcceptContactsChunk', uploadId: 'u1', chunk: 2, contacts: contactsOf(2) }).thenRejects('conflict', /completed/);
    spec.given([started, chunk(0), chunk(1), completed]).when({ type: 'AbandonContactUpload', uploadId: 'u1', reason: 'x', now }).thenRejects('conflict');
  });

  it('an interrupted upload can be abandoned, once, and then not completed', () => {
    const abandoned: ContactUploadEvent = { type: 'ContactUploadAbandoned', data: { uploadId: 'u1', campaignId: 'c1', reason: 'discarded by an admin', abandonedAt: now } };
    spec.given([started, chunk(0)]).when({ type: 'AbandonContactUpload', uploadId: 'u1', reason: 'discarded by an admin', now }).then([abandoned]);
    spec.given([started, chunk(0), abandoned]).when({ type: 'AbandonContactUpload', uploadId: 'u1', reason: 'again', now }).then([]);
    spec.given([started, chunk(0), abandoned]).when({ type: 'CompleteContactUpload', uploadId: 'u1', counts, reasons: {}, now }).thenRejects('conflict', /abandoned/);
    spec.given([]).when({ type: 'AbandonContactUpload', uploadId: 'u1', reason: 'x', now }).thenRejects('not_found');
  });
});
