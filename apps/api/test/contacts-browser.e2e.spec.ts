import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { callApi, createCampaignOverHttp, signInOverHttp, type Member } from './members-over-http.js';

const founder = { organization: 'Eastside Tenants', name: 'Rosa Organizer', email: 'rosa@example.org', password: 'the rent is too high' };
const FILE_NAME = 'tenants-list.csv';
/** Enough rows that the bar has somewhere to move between 0 and 100. */
const GENERATED = 20_000;

/** A spreadsheet as people have them: a BOM, CRLF, a repeated number, two that are not numbers, one opted out, one without a ZIP. */
function tenantsCsv(): Buffer {
  const lines = [
    'Cell Phone,First Name,Last,Zip,Polling Place,Notes',
    '(212) 555-0101,Ana,Diaz,10001,Library,call after 5',
    '415.555.0102,Ben,Ito,94110,School,',
    '212-555-0101,Ana,Again,10001,Library,the same number again',
    '555-12,Bad,Number,10001,Library,',
    '=HYPERLINK("x"),Evil,Cell,10001,Library,',
    '+1 602 555 0103,Cy,Ng,,Gym,no zip',
    '(202) 555-0104,Dee,Opted,20001,Hall,',
  ];
  for (let i = 0; i < GENERATED; i++) {
    const number = `23${Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')}`;
    lines.push(i % 2 ? `(718) ${number},Gen${i},Tenant,11201,Hall ${i % 7},` : `(510) ${number},Gen${i},Tenant,94607,Hall ${i % 7},`);
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)]);
}

/** The one browser global the width check reads (the API's tsconfig has no DOM types; see in-page.ts). */
interface WideDocument {
  document: { documentElement: { scrollWidth: number } };
}

let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;
let owner: Member;
let page: Page;
let campaignId: string;

beforeAll(async () => {
  harness = await startBrowserHarness('contacts');
  ({ api, browser } = harness);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await createOrganizationIn(page, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  campaignId = await createCampaignOverHttp(api.url, owner, 'Rent strike vote', 'Texting every tenant before the vote');
}, 120_000);
afterAll(async () => harness?.stop());

async function openCampaign(on: Page) {
  await on.goto(`${api.url}/#/campaigns/${campaignId}`);
  await on.getByRole('heading', { level: 1, name: 'Rent strike vote' }).waitFor();
  await expect.poll(() => on.getByTestId('connection').textContent()).toContain('live');
}

async function addOptOutByHand(on: Page, phone: string) {
  await on.getByLabel('Phone number').fill(phone);
  await on.getByRole('button', { name: 'Add to opt-out list' }).click();
}

describe('contacts in a real browser', () => {
  it('uploads a CSV with a BOM and bad rows: maps the columns, watches the bar reach 100%, reads the summary, downloads the rejects, sees the contacts', async () => {
    // A number opted out by hand first: the upload must leave it out.
    await page.getByRole('link', { name: 'Opt-out list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opt-out list' }).waitFor();
    await addOptOutByHand(page, '202-555-0104');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '(202) 555-0104 is on the opt-out list.' }).count()).toBe(1);

    await openCampaign(page);
    const section = page.getByRole('region', { name: 'Contacts' });
    await section.getByText('No contacts yet.').waitFor();
    await section.getByRole('button', { name: 'Upload contacts' }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: tenantsCsv() });

    // The mapping screen starts from the server's guess.
    await page.getByRole('heading', { name: 'Match the columns' }).waitFor();
    expect(await page.getByLabel('Use “Cell Phone” as').inputValue()).toBe('phone');
    expect(await page.getByLabel('Use “First Name” as').inputValue()).toBe('firstName');
    expect(await page.getByLabel('Use “Zip” as').inputValue()).toBe('zip');
    expect(await page.getByLabel('Use “Polling Place” as').inputValue()).toBe('custom');
    expect(await page.getByLabel('Merge field for “Polling Place”').inputValue()).toBe('polling_place');
    expect(await page.getByTestId('mapping-row').first().textContent()).toContain('(212) 555-0101, 415.555.0102');
    // Without a phone column it says so in words, and will not upload.
    const upload = page.getByRole('button', { name: `Upload ${FILE_NAME}` });
    await page.getByLabel('Use “Cell Phone” as').selectOption('ignore');
    expect(await page.getByTestId('mapping-problems').textContent()).toContain('exactly one column must be Phone');
    expect(await upload.isDisabled()).toBe(true);
    await page.getByLabel('Use “Cell Phone” as').selectOption('phone');
    await page.getByLabel('Use “Notes” as').selectOption('ignore');
    expect(await page.getByTestId('mapping-problems').count()).toBe(0);
    expect(await upload.isDisabled()).toBe(false);
    await page.getByTestId('upload-flow').screenshot({ path: join(OUTPUT, 'contacts-mapping.png') });

    // The bar moves, never backwards, and reaches 100%.
    await upload.click();
    const bar = page.getByRole('progressbar', { name: 'Upload progress' });
    await bar.waitFor();
    const seen: number[] = [];
    const deadline = Date.now() + 90_000;
    while (seen.at(-1) !== 100 && Date.now() < deadline) {
      const value = Number(await bar.getAttribute('aria-valuenow'));
      if (seen.at(-1) !== value) seen.push(value);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(seen.at(-1)).toBe(100);
    expect(seen.some((value) => value > 0 && value < 100)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    // The summary: what became contacts, and why the rest did not.
    await page.getByRole('heading', { name: 'Upload finished' }).waitFor();
    const summary = page.getByTestId('upload-summary');
    expect(await summary.getByTestId('count-accepted').textContent()).toBe((GENERATED + 3).toLocaleString('en-US'));
    expect(await summary.getByTestId('count-invalid').textContent()).toBe('2');
    expect(await summary.getByTestId('count-duplicate').textContent()).toBe('1');
    expect(await summary.getByTestId('count-opted-out').textContent()).toBe('1');
    const reasons = await summary.getByRole('list', { name: 'Why rows were not added' }).textContent();
    expect(reasons).toContain('1 row repeated a number that appears earlier in the file.');
    expect(reasons).toContain('1 row had a number on the opt-out list, so it will never be texted.');
    expect(reasons).toMatch(/row had (something other than a phone number|a phone number too short)/);
    await page.getByTestId('upload-flow').screenshot({ path: join(OUTPUT, 'contacts-upload-summary.png') });

    // The rejected rows, with their row numbers and reasons.
    const [download] = await Promise.all([page.waitForEvent('download'), summary.getByRole('link', { name: 'Download rejected rows', exact: true }).click()]);
    const rejects = await readFile((await download.path())!, 'utf8');
    expect(rejects).toMatch(/^row,reason,message,Cell Phone,First Name/);
    expect(rejects).toContain('4,duplicate_in_file');
    expect(rejects).toMatch(/^5,phone_/m);
    expect(rejects).toMatch(/^8,opted_out/m);
    expect(rejects).not.toMatch(/(^|,)=HYPERLINK/m);

    // The contacts: totals by zone, the table, the uploads.
    await expect.poll(() => section.getByTestId('contacts-total').textContent(), { timeout: 15_000 }).toBe((GENERATED + 3).toLocaleString('en-US'));
    const zones = await section.getByTestId('zone-row').allTextContents();
    expect(zones.join('\n')).toContain('Eastern Time (New York)');
    expect(zones.join('\n')).toContain('Pacific Time (Los Angeles)');
    expect(zones.join('\n')).toContain('No ZIP');
    const openNow = Number((await section.getByTestId('contacts-open-now').textContent())!.replace(/,/g, ''));
    expect(openNow).toBeGreaterThanOrEqual(0);
    expect(openNow).toBeLessThanOrEqual(GENERATED + 3);
    await expect.poll(() => section.getByTestId('contact-row').count(), { timeout: 10_000 }).toBe(25);
    expect(await section.getByTestId('contacts-count').textContent()).toContain(`Showing 1–25 of ${GENERATED + 3} contacts`);
    expect(await section.getByTestId('upload-row').first().textContent()).toContain('Completed');
    expect(await section.getByTestId('upload-row').first().textContent()).toContain(FILE_NAME);

    // Search and filters: each answer is the rows it should be, not just as many.
    const names = () => section.getByTestId('contact-name').allTextContents();
    await section.getByLabel('Search contacts').fill('Diaz');
    await expect.poll(names, { timeout: 10_000 }).toEqual(['Ana Diaz']);
    const ana = await section.getByTestId('contact-row').textContent();
    expect(ana).toContain('(212) 555-0101');
    expect(ana).toContain('polling_place: Library');
    expect(ana).not.toContain('call after 5'); // the ignored column
    await section.getByLabel('Search contacts').fill('');
    await section.getByLabel('Time zone').selectOption('none');
    await expect.poll(names, { timeout: 10_000 }).toEqual(['Cy Ng']);
    await section.getByLabel('Time zone').selectOption('');
    await section.getByLabel('ZIP').fill('94110');
    await expect.poll(names, { timeout: 10_000 }).toEqual(['Ben Ito']);
    await section.getByLabel('ZIP').fill('');
    await section.getByLabel('Custom field').selectOption('polling_place');
    await section.getByLabel('Value of polling_place').fill('Gym');
    await expect.poll(names, { timeout: 10_000 }).toEqual(['Cy Ng']);
    await section.getByLabel('Custom field').selectOption('');
    await expect.poll(() => section.getByTestId('contact-row').count(), { timeout: 10_000 }).toBe(25);

    await section.getByRole('button', { name: 'Close' }).click();
    await section.screenshot({ path: join(OUTPUT, 'contacts.png') });
    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(api.url);
    await phone.getByLabel('Email').fill(founder.email);
    await phone.getByLabel('Password').fill(founder.password);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByRole('navigation', { name: 'Main' }).waitFor();
    await openCampaign(phone);
    await expect.poll(() => phone.getByTestId('contact-row').count(), { timeout: 10_000 }).toBe(25);
    // Nothing on the page is wider than the phone: no sideways scrolling.
    expect(await phone.evaluate(() => (globalThis as unknown as WideDocument).document.documentElement.scrollWidth)).toBeLessThanOrEqual(devices['Pixel 7']!.viewport.width);
    await phone.getByRole('region', { name: 'Contacts' }).screenshot({ path: join(OUTPUT, 'contacts-phone.png') });
    await phone.context().close();

    // What the browser showed is what the API holds.
    const total = await callApi<{ total: number }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/contacts?limit=1`);
    expect(total.total).toBe(GENERATED + 3);
  });

  it('a file the server cannot use is refused with its own words, and nothing is uploaded', async () => {
    await openCampaign(page);
    const section = page.getByRole('region', { name: 'Contacts' });
    await section.getByRole('button', { name: 'Upload contacts' }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from('phone,first name\r\n') });
    await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/no rows/i);
    await page.getByLabel('CSV file').setInputFiles({ name: 'no-phone.csv', mimeType: 'text/csv', buffer: Buffer.from('name,city\r\nAna,NYC\r\n') });
    await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/phone/i);
    expect(await page.getByRole('heading', { name: 'Match the columns' }).count()).toBe(0);
    const uploads = await callApi<{ uploads: unknown[] }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/uploads`);
    expect(uploads.uploads).toHaveLength(1);
  });

  it('the opt-out list: add by hand, refuse what is not a number, import a CSV, search', async () => {
    await page.getByRole('link', { name: 'Opt-out list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opt-out list' }).waitFor();
    await expect.poll(() => page.getByTestId('opt-out-count').textContent()).toBe('1 number will never be texted by this organization, in any campaign.');

    await addOptOutByHand(page, '(212) 555-0150');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '(212) 555-0150 is on the opt-out list.' }).count()).toBe(1);
    await addOptOutByHand(page, '555-12');
    await expect.poll(() => page.locator('#opt-out-phone-error').count()).toBe(1);
    expect(await page.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('CSV of numbers').setInputFiles({
      name: 'spoke-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('number,date\r\n(212) 555-0160,2024-01-01\r\nnot a number,x\r\n212 555 0161,2024-01-02\r\n'),
    });
    await page.getByRole('button', { name: 'Import numbers' }).click();
    await expect.poll(() => page.getByTestId('opt-out-import-result').textContent()).toBe(
      '2 numbers from spoke-export.csv are on the opt-out list. 1 row held no phone number and was left out.',
    );
    await expect.poll(() => page.getByTestId('opt-out-count').textContent()).toBe('4 numbers will never be texted by this organization, in any campaign.');
    expect(await page.getByTestId('opt-out-row').count()).toBe(4);

    await page.getByLabel('Search numbers').fill('0161');
    await expect.poll(() => page.getByTestId('opt-out-row').count()).toBe(1);
    expect(await page.getByTestId('opt-out-row').textContent()).toContain('(212) 555-0161');
    expect(await page.getByTestId('opt-out-row').textContent()).toContain('Imported from a file');
    expect(await page.getByTestId('opt-out-count').textContent()).toBe('1 number matches “0161”.');
    await page.getByLabel('Search numbers').fill('');
    await expect.poll(() => page.getByTestId('opt-out-row').count()).toBe(4);
    await page.screenshot({ path: join(OUTPUT, 'opt-outs.png'), fullPage: true });
  });
});
