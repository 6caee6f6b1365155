import { join } from 'node:path';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { focusedId, focusedText } from './in-page.js';
import { addMember, callApi, createCampaignOverHttp, signInOverHttp, type Member } from './members-over-http.js';

const founder = { organization: 'Harbor Dockworkers', name: 'Ana Organizer', email: 'ana@example.org', password: 'an injury to one is an injury to all' };
let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;
let owner: Member;
let sam: Member;
let page: Page;
/** Every write the page sends; a risky change must not be among them before it is confirmed. */
const writes: string[] = [];

interface Person {
  id: string;
  name: string;
  role: string;
  status: string;
}
const personOnServer = async (id: string) => (await callApi<{ people: Person[] }>(api.url, owner.cookie, 'GET', '/api/people')).people.find((p) => p.id === id)!;
const samRow = () => page.getByTestId('person-row').filter({ hasText: 'Sam Texter' });

beforeAll(async () => {
  harness = await startBrowserHarness('people-confirm');
  ({ api, browser } = harness);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await createOrganizationIn(page, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  sam = await addMember(api.url, owner, { name: 'Sam Texter', email: 'sam@example.org', password: 'texting night 2026!' });
  for (let i = 1; i <= 30; i++) await addMember(api.url, owner, { name: `Volunteer ${String(i).padStart(2, '0')}`, email: `v${i}@example.org`, password: 'texting night 2026!' });
  await addMember(api.url, owner, { name: 'Audrey Auditor', email: 'audrey@example.org', password: 'texting night 2026!', role: 'auditor' });
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/api/')) writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
}, 120_000);
afterAll(async () => harness?.stop());

describe('risky changes to people wait for a confirmation', () => {
  it('a role dropdown only picks: ArrowUp on it, or choosing owner, sends nothing', async () => {
    // 32 people joined after Sam: newest first, he is on page 2; search finds him.
    await page.getByLabel('Search people').fill('Sam');
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    const select = samRow().getByLabel('Role for Sam Texter');
    await select.focus();
    await page.keyboard.press('ArrowUp');
    await select.selectOption('owner');
    await page.waitForTimeout(300);
    expect(writes).toEqual([]);
    expect((await personOnServer(sam.id)).role).toBe('volunteer');
    // The explicit step is a button next to the pick.
    await samRow().getByRole('button', { name: 'Change role' }).waitFor();
  });

  it('Change role asks in a dialog naming the person and both roles; Cancel changes nothing and puts the pick back', async () => {
    await samRow().getByLabel('Role for Sam Texter').selectOption('admin');
    await samRow().getByRole('button', { name: 'Change role' }).click();
    const dialog = page.getByRole('dialog', { name: "Change Sam Texter's role from volunteer to admin?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Admins create and edit campaigns');
    // Cancel has the focus: Enter by habit does not confirm.
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    await page.screenshot({ path: join(OUTPUT, 'people-confirm-role.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(writes).toEqual([]);
    expect(await samRow().getByLabel('Role for Sam Texter').inputValue()).toBe('volunteer');
  });

  it('confirming changes the role, says so, and returns the keyboard to the role dropdown', async () => {
    await samRow().getByLabel('Role for Sam Texter').selectOption('admin');
    await samRow().getByRole('button', { name: 'Change role' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Make admin' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sam Texter is now an admin.' }).count()).toBe(1);
    expect(writes).toEqual([`PATCH /api/people/${sam.id}/role`]);
    expect((await personOnServer(sam.id)).role).toBe('admin');
    await expect.poll(() => focusedId(page)).toBe(`role-${sam.id}`);
  });

  it('Suspend asks first, naming the person and what happens to their sessions', async () => {
    await samRow().getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Suspend Sam Texter?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('signed out everywhere');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await personOnServer(sam.id)).status).toBe('active');
    await samRow().getByRole('button', { name: 'Suspend' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(async () => (await personOnServer(sam.id)).status).toBe('suspended');
    await samRow().getByRole('button', { name: 'Reinstate' }).waitFor();
  });

  it('Revoke names the link and how many people used it before it stops working', async () => {
    const campaignId = await createCampaignOverHttp(api.url, owner, 'GOTV Weekend');
    const link = await callApi<{ id: string; token: string }>(api.url, owner.cookie, 'POST', '/api/invites', { kind: 'volunteer', campaignId });
    for (let i = 1; i <= 3; i++) {
      const joined = await fetch(`${api.url}/api/join/${link.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Link Joiner ${i}`, email: `joiner${i}@example.org`, password: 'texting night 2026!' }),
      });
      expect(joined.ok).toBe(true);
    }
    await page.reload();
    await page.getByRole('region', { name: 'Invites' }).waitFor();
    const row = page.getByTestId('invite-row').filter({ hasText: 'Volunteer link for GOTV Weekend' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the volunteer link for GOTV Weekend?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('3 people joined with it; they stay members.');
    await page.screenshot({ path: join(OUTPUT, 'people-confirm-revoke.png') });
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    expect(writes.filter((write) => write.startsWith('DELETE'))).toEqual([`DELETE /api/invites/${link.id}`]);
  });
});

describe('the People page at size', () => {
  it('counts people, pages them, searches and filters by role and status, and gives invites their own section', async () => {
    await page.reload();
    await page.getByTestId('headcount').waitFor();
    expect(await page.getByTestId('headcount').textContent()).toBe('36 people: 1 owner, 1 admin, 1 auditor, 33 volunteers');
    expect(await page.title()).toBe('People · Harbor Dockworkers · Textbank');
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(25);
    expect(await page.getByTestId('people-count').textContent()).toContain('Showing 1–25 of 36 people');

    await page.getByLabel('Search people').fill('v12@');
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    await page.getByLabel('Search people').fill('');
    await page.getByLabel('Role', { exact: true }).selectOption('auditor');
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    expect(await page.getByTestId('person-row').textContent()).toContain('Audrey Auditor');
    await page.getByLabel('Role', { exact: true }).selectOption('');
    await page.getByLabel('Status', { exact: true }).selectOption('suspended');
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    expect(await page.getByTestId('person-row').textContent()).toContain('Sam Texter');
    await page.getByLabel('Status', { exact: true }).selectOption('');

    await page.getByRole('button', { name: /^Invites \(\d+ open\)$/ }).click();
    await expect.poll(() => focusedText(page)).toBe('Invites');
    await page.getByRole('region', { name: 'Invites' }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'people-desktop.png'), fullPage: true });
  });

  it('says what is wrong with a form field in plain words, never a type name', async () => {
    await page.getByLabel('Maximum uses').fill('lots');
    await page.getByRole('button', { name: 'Create volunteer link' }).click();
    const error = page.locator('#volunteer-link-max-uses-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Maximum uses must be a number.');
    expect(await page.getByRole('region', { name: 'Invites' }).textContent()).not.toMatch(/expected|received|Invalid input/);
  });

  it('fits a phone: cards for people, the same tools on top', async () => {
    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(api.url);
    await phone.getByLabel('Email').fill(founder.email);
    await phone.getByLabel('Password').fill(founder.password);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByRole('link', { name: 'People' }).click();
    await expect.poll(() => phone.getByTestId('person-row').count()).toBe(25);
    await phone.screenshot({ path: join(OUTPUT, 'people-phone.png'), fullPage: true });
    await phone.context().close();
  });
});
