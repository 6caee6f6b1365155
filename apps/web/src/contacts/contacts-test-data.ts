import type { ContactSummary, ContactView, UploadPreview, UploadView } from '@textbank/contracts';

export function aContact(over: Partial<ContactView> = {}): ContactView {
  return { id: 'c1', phone: '+12125550101', firstName: 'Ana', lastName: 'Diaz', zip: '10001', timeZone: 'America/New_York', externalId: null, fields: {}, ...over };
}

export function anUpload(over: Partial<UploadView> = {}): UploadView {
  return {
    id: 'u1', fileName: 'list.csv', status: 'completed', interrupted: false, startedAt: '2025-03-01T10:00:00.000Z', finishedAt: '2025-03-01T10:00:05.000Z', received: 3,
    counts: { rows: 7, accepted: 3, invalid: 2, duplicate: 1, optedOut: 1 }, reasons: { phone_too_short: 1, phone_not_a_number: 1, duplicate_in_file: 1, opted_out: 1 }, ...over,
  };
}

export function aSummary(over: Partial<ContactSummary> = {}): ContactSummary {
  return {
    total: 3, openNow: 1, position: '10',
    byTimeZone: [{ timeZone: 'America/New_York', count: 1, openNow: true }, { timeZone: 'America/Los_Angeles', count: 1, openNow: false }, { timeZone: null, count: 1, openNow: false }],
    ...over,
  };
}

export function aPreview(): UploadPreview {
  return {
    encoding: 'UTF-8', delimiter: ',',
    headers: ['Cell Phone', 'First Name', 'Polling Place'],
    rows: [{ line: 2, cells: ['(212) 555-0101', 'Ana', 'Library'] }, { line: 3, cells: ['415.555.0102', 'Ben', 'School'] }],
    mapping: { headers: ['Cell Phone', 'First Name', 'Polling Place'], columns: [{ kind: 'field', field: 'phone' }, { kind: 'field', field: 'firstName' }, { kind: 'custom', key: 'polling_place' }] },
  };
}
