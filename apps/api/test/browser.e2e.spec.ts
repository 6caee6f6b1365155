import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';

const owner = { organization: 'Eastside Tenants Union', name: 'Rosa Organizer', email: 'rosa@example.org', password: 'solidarity forever 1912' };
let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;

beforeAll(async () => {
  harness = await startBrowserHarness('browser');
  ({ api, browser } = harness);
});
afterAll(async () => harness?.stop());

describe('in a real browser', () => {
  it('first-run setup, then a campaign created in one browser appears in the event log of another without reload', async () => {
    const admin = await (await browser.newContext()).newPage();
    await createOrganizationIn(admin, api.url, owner);

    // A second browser (its own cookies) signs in and watches the event log.
    const auditor = await (await browser.newContext()).newPage();
    await auditor.goto(api.url);
    await auditor.getByLabel('Email').fill(owner.email);
    await auditor.getByLabel('Password').fill(owner.password);
    await auditor.getByRole('button', { name: 'Sign in' }).click();
    await auditor.getByRole('link', { name: 'Event log' }).click();
    await auditor.getByRole('heading', { name: 'Event log' }).waitFor();
    await expect.poll(() => auditor.getByTestId('connection').textContent()).toContain('live');
    await expect.poll(() => auditor.getByTestId('event-row').count()).toBe(2);
    let reloads = 0;
    auditor.on('load', () => reloads++);

    await admin.getByRole('button', { name: 'New campaign' }).click();
    await admin.getByLabel('Name', { exact: true }).fill('Saturday canvass reminder');
    await admin.getByLabel('Description').fill('Remind members about the canvass');
    await admin.getByRole('button', { name: 'Create campaign' }).click();
    await admin.getByTestId('campaign-row').filter({ hasText: 'Saturday canvass reminder' }).waitFor();

    const newest = auditor.getByTestId('event-row').first();
    await expect.poll(() => newest.textContent(), { timeout: 10_000 }).toContain('CampaignCreated');
    expect(await auditor.getByTestId('event-row').count()).toBe(3);
    expect(reloads).toBe(0);
    const screenshot = join(OUTPUT, 'event-log-live.png');
    await auditor.screenshot({ path: screenshot, fullPage: true });
    await admin.screenshot({ path: join(OUTPUT, 'campaigns.png'), fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(5000);
  });
});
