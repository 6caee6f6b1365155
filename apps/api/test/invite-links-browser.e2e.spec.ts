import { join } from 'node:path';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { focusedText } from './in-page.js';

const founder = { organization: 'Riverside Renters', name: 'Mae Organizer', email: 'mae@example.org', password: 'the rent is too damn high' };
let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;
let page: Page;
let firstLink = '';
let renewedLink = '';

const labelledRow = () => page.getByTestId('invite-row').filter({ hasText: 'Saturday phone bank' });

beforeAll(async () => {
  harness = await startBrowserHarness('invite-links');
  ({ api, browser } = harness);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await createOrganizationIn(page, api.url, founder);
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
}, 60_000);
afterAll(async () => harness?.stop());

async function joinOverHttp(link: string, name: string, email: string): Promise<Response> {
  const token = link.split('/#/join/')[1]!;
  return fetch(`${api.url}/api/join/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, email, password: 'texting night 2026!' }),
  });
}

describe('volunteer links stay retrievable', () => {
  it('a labelled link is named by its label in the list, with its QR code when made', async () => {
    await page.getByLabel('Label').fill('Saturday phone bank');
    await page.getByRole('button', { name: 'Create volunteer link' }).click();
    const created = page.getByRole('region', { name: 'New volunteer link: Saturday phone bank' });
    await created.waitFor();
    firstLink = (await created.getByTestId('invite-link').textContent())!.trim();
    expect(firstLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/join\/[\w-]{43}$/);
    expect(await created.getByTestId('qr-code').isVisible()).toBe(true);
    await created.getByRole('button', { name: 'Done' }).click();
    await labelledRow().waitFor();
    expect(await labelledRow().locator('[id$="-label"]').textContent()).toBe('Saturday phone bank');
    expect(await labelledRow().textContent()).toContain('Volunteer link');
  });

  it('Show link brings the same link back, with Copy and a QR code big enough to scan off a screen', async () => {
    await labelledRow().getByRole('button', { name: 'Show link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link: Saturday phone bank' });
    await dialog.waitFor();
    expect((await dialog.getByTestId('invite-link').textContent())!.trim()).toBe(firstLink);
    await expect.poll(() => focusedText(page)).toBe('Copy');
    const qr = dialog.getByRole('img', { name: /QR code of the link/ });
    expect(await qr.isVisible()).toBe(true);
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    expect(await qr.locator('rect').count()).toBeGreaterThan(100);
    await page.screenshot({ path: join(OUTPUT, 'invite-link-qr.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Show link');
  });

  it('New link asks first, naming how many joined; then the old link is dead and the new one works', async () => {
    expect((await joinOverHttp(firstLink, 'Early Joiner', 'early@example.org')).ok).toBe(true);
    // The newcomer arrives live and the list of invites is read again: its use shows.
    await expect.poll(() => labelledRow().textContent(), { timeout: 10_000 }).toContain('1 / no limit');

    await labelledRow().getByRole('button', { name: 'New link' }).click();
    const asked = page.getByRole('dialog', { name: 'Make a new link for the link “Saturday phone bank”?' });
    await asked.waitFor();
    const words = await asked.textContent();
    expect(words).toContain('The current link stops working at once');
    expect(words).toContain('1 person joined with it; they stay members.');
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    await asked.getByRole('button', { name: 'Make new link' }).click();

    const shown = page.getByRole('dialog', { name: 'New link: Saturday phone bank' });
    await shown.waitFor();
    renewedLink = (await shown.getByTestId('invite-link').textContent())!.trim();
    expect(renewedLink).toMatch(/\/#\/join\/[\w-]{43}$/);
    expect(renewedLink).not.toBe(firstLink);
    expect(await shown.getByTestId('qr-code').isVisible()).toBe(true);
    expect(await shown.textContent()).toContain('The old link no longer works.');
    await shown.getByRole('button', { name: 'Close' }).click();

    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(firstLink);
    await expect.poll(() => phone.getByTestId('invite-problem').textContent()).toMatch(/not valid/);
    expect(await phone.getByRole('button', { name: 'Join' }).count()).toBe(0);
    await phone.goto('about:blank');
    await phone.goto(renewedLink);
    await phone.getByRole('heading', { name: 'Join Riverside Renters' }).waitFor();
    await phone.context().close();

    // Show link gives the new one from now on.
    await labelledRow().getByRole('button', { name: 'Show link' }).click();
    const again = page.getByRole('dialog', { name: 'Link: Saturday phone bank' });
    expect((await again.getByTestId('invite-link').textContent())!.trim()).toBe(renewedLink);
    await page.keyboard.press('Escape');
    await expect.poll(() => again.count()).toBe(0);
  });

  it('a phone shows the link and its code on one screen', async () => {
    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(api.url);
    await phone.getByLabel('Email').fill(founder.email);
    await phone.getByLabel('Password').fill(founder.password);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByRole('link', { name: 'People' }).click();
    await phone.getByTestId('invite-row').filter({ hasText: 'Saturday phone bank' }).getByRole('button', { name: 'Show link' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Link: Saturday phone bank' });
    await dialog.getByTestId('qr-code').waitFor();
    const box = (await dialog.getByTestId('qr-code').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(phone.viewportSize()!.width);
    await phone.screenshot({ path: join(OUTPUT, 'invite-link-qr-phone.png') });
    await phone.context().close();
  });
});
