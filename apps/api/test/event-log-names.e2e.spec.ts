import { join } from 'node:path';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { addMember, callApi, createCampaignOverHttp, signInIn, signInOverHttp, type Member } from './members-over-http.js';

const founder = { organization: 'Valley Teachers', name: 'Maria Organizer', email: 'maria@example.org', password: 'education is a right 1968' };
let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;
let owner: Member;
let sam: Member;
let gotv: string;
let auditor: Page;

const sentences = () => auditor.getByTestId('event-sentence').allTextContents();

beforeAll(async () => {
  harness = await startBrowserHarness('event-log-names');
  ({ api, browser } = harness);
  const ownerPage = await (await browser.newContext()).newPage();
  await createOrganizationIn(ownerPage, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  sam = await addMember(api.url, owner, { name: 'Sam Texter', email: 'sam@example.org', password: 'texting night 2026!' });
  await addMember(api.url, owner, { name: 'Audrey Auditor', email: 'audrey@example.org', password: 'texting night 2026!', role: 'auditor' });
  gotv = await createCampaignOverHttp(api.url, owner, 'GOTV Weekend', 'Get out the vote');
  await createCampaignOverHttp(api.url, owner, 'Phone bank');
  await callApi(api.url, owner.cookie, 'PATCH', `/api/people/${sam.id}/role`, { role: 'admin' });
  auditor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signInIn(auditor, api.url, 'audrey@example.org', 'texting night 2026!');
}, 120_000);
afterAll(async () => harness?.stop());

describe('the event log in words', () => {
  it('reads as sentences with names, never ids, and keeps the raw event behind a toggle', async () => {
    await auditor.getByRole('link', { name: 'Event log' }).click();
    await auditor.getByRole('heading', { level: 1, name: 'Event log' }).waitFor();
    expect(await auditor.title()).toBe('Event log · Valley Teachers · Textbank');
    await expect.poll(sentences).toContain("Maria Organizer changed Sam Texter's role from volunteer to admin");
    const shown = await sentences();
    expect(shown).toContain('Maria Organizer created GOTV Weekend');
    expect(shown).toContain('Sam Texter joined as a volunteer through an invite');
    expect(shown.join('\n')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const row = auditor.getByTestId('event-row').filter({ hasText: 'created GOTV Weekend' });
    const raw = row.locator('pre');
    expect(await raw.isVisible()).toBe(false);
    await row.getByText('Raw event').click();
    expect(await raw.isVisible()).toBe(true);
    expect(JSON.parse((await raw.textContent())!)).toMatchObject({ campaignId: gotv, name: 'GOTV Weekend' });
    await auditor.screenshot({ path: join(OUTPUT, 'event-log-desktop.png'), fullPage: true });
  });

  it('filters by picking a campaign or a person by name; the URL keeps the pick', async () => {
    await auditor.getByLabel('About').selectOption({ label: 'GOTV Weekend' });
    await expect.poll(() => auditor.url()).toContain(`stream=campaign-${gotv}`);
    await expect.poll(sentences).toEqual(['Maria Organizer created GOTV Weekend']);

    // A person: their own events and the roster's events about them.
    await auditor.getByLabel('About').selectOption({ label: 'Sam Texter' });
    await expect.poll(sentences).toEqual(["Maria Organizer changed Sam Texter's role from volunteer to admin", 'Sam Texter joined as a volunteer through an invite']);

    await auditor.getByLabel('About').selectOption({ label: 'Anything' });
    await auditor.getByLabel('What happened').selectOption({ label: 'Role changed' });
    await expect.poll(sentences).toEqual(["Maria Organizer changed Sam Texter's role from volunteer to admin", "Maria Organizer changed Audrey Auditor's role from volunteer to auditor"]);
    await auditor.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await sentences()).length).toBeGreaterThan(5);
  });

  it('names a campaign that arrives live, and its later rename, without reloading', async () => {
    await expect.poll(() => auditor.getByTestId('connection').textContent()).toContain('live');
    const id = await createCampaignOverHttp(api.url, owner, 'Strike vote');
    await expect.poll(async () => (await sentences())[0], { timeout: 10_000 }).toBe('Maria Organizer created Strike vote');
    await callApi(api.url, owner.cookie, 'PATCH', `/api/campaigns/${id}`, { expectedRevision: 0, description: 'Vote yes' });
    await expect.poll(async () => (await sentences())[0], { timeout: 10_000 }).toBe("Maria Organizer changed Strike vote's description");
  });

  it('fits a phone', async () => {
    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await signInIn(phone, api.url, 'audrey@example.org', 'texting night 2026!');
    await phone.getByRole('link', { name: 'Event log' }).click();
    await expect.poll(() => phone.getByTestId('event-row').count()).toBeGreaterThan(5);
    await phone.screenshot({ path: join(OUTPUT, 'event-log-phone.png'), fullPage: true });
    await phone.context().close();
  });
});
