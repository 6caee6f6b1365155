import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ColumnMappingEditor from './ColumnMappingEditor.svelte';
import ContactSummaryPanel from './ContactSummaryPanel.svelte';
import ContactsSection from './ContactsSection.svelte';
import ContactsTable from './ContactsTable.svelte';
import UploadList from './UploadList.svelte';
import UploadProgressBar from './UploadProgressBar.svelte';
import UploadResult from './UploadResult.svelte';
import { aContact, anUpload, aPreview, aSummary } from './contacts-test-data';

const rows = (html: string, testId: string) => html.split(`data-testid="${testId}"`).slice(1);

describe('ColumnMappingEditor', () => {
  const preview = aPreview();
  const body = render(ColumnMappingEditor, { props: { preview, mapping: preview.mapping, onChange: () => {} } }).body;

  it('has a labelled select per column, starting from the server’s guess', () => {
    expect(rows(body, 'mapping-row')).toHaveLength(3);
    expect(body).toContain('<label class="visually-hidden" for="map-column-0">Use “Cell Phone” as</label>');
    expect(rows(body, 'mapping-row')[0]).toMatch(/<option value="phone"[^>]*selected[^>]*>Phone<\/option>/);
    expect(rows(body, 'mapping-row')[2]).toMatch(/<option value="custom"[^>]*selected[^>]*>Custom field<\/option>/);
    for (const label of ['Phone', 'First name', 'Last name', 'ZIP', 'External id', 'Custom field', 'Ignore']) expect(rows(body, 'mapping-row')[0]).toContain(`>${label}</option>`);
  });

  it('lets a custom column’s merge field be renamed, and shows it as scripts write it', () => {
    expect(body).toContain('for="map-key-2">Merge field for “Polling Place”</label>');
    expect(body).toMatch(/id="map-key-2"[^>]*value="polling_place"/);
    expect(body).toContain('<code>{polling_place}</code>');
    expect(body).not.toContain('id="map-key-0"');
  });

  it('shows the first values of each column and the first rows as read', () => {
    expect(rows(body, 'mapping-row')[0]).toContain('(212) 555-0101, 415.555.0102');
    expect(body).toContain('The first 2 rows as read (UTF-8, separated by “,”)');
  });
});

describe('UploadResult', () => {
  const upload = anUpload();
  const body = render(UploadResult, { props: { counts: upload.counts!, reasons: upload.reasons, rejectsHref: '/rejects.csv' } }).body;

  it('counts accepted, invalid, duplicate and opted out', () => {
    expect(body).toMatch(/data-testid="count-accepted">3</);
    expect(body).toMatch(/data-testid="count-invalid">2</);
    expect(body).toMatch(/data-testid="count-duplicate">1</);
    expect(body).toMatch(/data-testid="count-opted-out">1</);
  });

  it('says why rows were left out, and offers them to download', () => {
    expect(body).toContain('1 row had a phone number too short to be real.');
    expect(body).toContain('1 row had a number on the opt-out list, so it will never be texted.');
    expect(body).toMatch(/<a href="\/rejects.csv" download="">Download rejected rows<\/a>/);
  });

  it('says so when every row made it, and offers no download', () => {
    const clean = render(UploadResult, { props: { counts: { rows: 2, accepted: 2, invalid: 0, duplicate: 0, optedOut: 0 }, reasons: {}, rejectsHref: '/r' } }).body;
    expect(clean).toContain('Every row became a contact.');
    expect(clean).not.toContain('Download rejected rows');
  });
});

describe('UploadProgressBar', () => {
  it('is a progressbar with its value for screen readers', () => {
    const body = render(UploadProgressBar, { props: { progress: { percent: 45, stage: 'checking', words: 'Checking rows…' } } }).body;
    expect(body).toMatch(/role="progressbar"[^>]*aria-valuenow="45"/);
    expect(body).toContain('style="width: 45%"');
    expect(body).toContain('Checking rows…');
  });
});

describe('UploadList', () => {
  const props = (over = {}) => ({ uploads: [anUpload(), anUpload({ id: 'u2', fileName: 'cut.csv', status: 'started', interrupted: true, counts: null, reasons: {} })], manages: true, rejectsHref: (id: string) => `/r/${id}`, onDiscard: () => {}, discarding: null, ...over });

  it('shows status and result, rejects to download, and Discard for an interrupted upload with what to do', () => {
    const [done, cut] = rows(render(UploadList, { props: props() }).body, 'upload-row');
    expect(done).toContain('>Completed<');
    expect(done).toContain('3 of 7 rows added; 4 not.');
    expect(done).toContain('href="/r/u1"');
    expect(cut).toContain('>Interrupted<');
    expect(cut).toContain('Upload the file again, or discard this one.');
    expect(cut).toMatch(/<button[^>]*>Discard<span class="visually-hidden"> cut.csv<\/span><\/button>/);
  });

  it('offers auditors neither downloads nor discards', () => {
    const body = render(UploadList, { props: props({ manages: false }) }).body;
    expect(body).not.toContain('Download rejected rows');
    expect(body).not.toContain('>Discard');
  });
});

describe('ContactSummaryPanel', () => {
  it('shows the total, how many may be texted now, and each zone by name', () => {
    const body = render(ContactSummaryPanel, { props: { summary: aSummary() } }).body;
    expect(body).toMatch(/data-testid="contacts-total">3</);
    expect(body).toMatch(/data-testid="contacts-open-now">1</);
    const zones = rows(body, 'zone-row');
    expect(zones[0]).toContain('Eastern Time (New York)');
    expect(zones[0]).toContain('>Open<');
    expect(zones[1]).toContain('>Closed<');
    expect(zones[2]).toContain('No ZIP');
    expect(zones[2]).toContain('every continental US zone');
  });
});

describe('ContactsTable', () => {
  it('shows name, phone as people write it, ZIP, zone and custom fields', () => {
    const body = render(ContactsTable, { props: { contacts: [aContact({ fields: { polling_place: 'Library' } }), aContact({ id: 'c2', firstName: '', lastName: '', zip: null, timeZone: null })] } }).body;
    const [ana, nameless] = rows(body, 'contact-row');
    expect(ana).toContain('Ana Diaz');
    expect(ana).toContain('(212) 555-0101');
    expect(ana).toContain('Eastern Time (New York)');
    expect(ana).toContain('<span class="key">polling_place:</span> Library');
    expect(nameless).toContain('(no name)');
    expect(nameless).toContain('No ZIP');
  });

  it('escapes what the file held', () => {
    const body = render(ContactsTable, { props: { contacts: [aContact({ firstName: '<img src=x>' })] } }).body;
    expect(body).not.toContain('<img');
  });
});

describe('ContactsSection', () => {
  it('offers admins the upload, and not auditors', () => {
    expect(render(ContactsSection, { props: { campaignId: 'c', role: 'admin' } }).body).toContain('>Upload contacts</button>');
    expect(render(ContactsSection, { props: { campaignId: 'c', role: 'auditor' } }).body).not.toContain('Upload contacts');
  });
});
