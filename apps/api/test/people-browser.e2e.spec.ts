import { join } from 'node:path';
import { devices, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';

const owner = { organization: 'Northside Nurses Union', name: 'Grace Organizer', email: 'grace@example.org', password: 'we make the road by walking' };
let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;

beforeAll(async () => {
  harness = await startBrowserHarness('people');
  ({ api, browser } = harness);
});
afterAll(async () => harness?.stop());

describe('invitations in a real browser', () => {
  it('an admin shares a volunteer link; a phone joins through it; the people page shows the newcomer without reload', async () => {
    const admin = await (await browser.newContext()).newPage();
    await createOrganizationIn(admin, api.url, owner);
    await admin.getByRole('link', { name: 'People' }).click();
    await admin.getByRole('heading', { name: 'People' }).waitFor();
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('live');
    let reloads = 0;
    admin.on('load', () => reloads++);

    await admin.getByRole('button', { name: 'Create volunteer link' }).click();
    const link = (await admin.getByTestId('invite-link').textContent())!.trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/join\/[\w-]{43}$/);

    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(link);
    await phone.getByLabel('Your name').fill('Jo Texter');
    await phone.getByLabel('Email').fill('jo@example.org');
    await phone.getByLabel('Password').fill('short');
    await phone.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => phone.getByText('at least 12 characters').count()).toBeGreaterThan(0);
    await phone.getByLabel('Password').fill('texting night 2026');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByRole('heading', { name: /Welcome/ }).waitFor();
    await phone.screenshot({ path: join(OUTPUT, 'volunteer-home-phone.png'), fullPage: true });

    await admin.getByTestId('person-row').filter({ hasText: 'Jo Texter' }).waitFor({ timeout: 10_000 });
    expect(reloads).toBe(0);
    await admin.screenshot({ path: join(OUTPUT, 'people-live.png'), fullPage: true });
  });

  it('an expired link says so, with no form', async () => {
    const session = await fetch(`${api.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.email, password: owner.password }),
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${api.url}/api/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ kind: 'volunteer', expiresAt: new Date(Date.now() + 1500).toISOString() }),
    });
    const { path } = (await created.json()) as { path: string };
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(`${api.url}${path}`);
    await expect.poll(() => phone.getByTestId('invite-problem').textContent()).toMatch(/expired/);
    expect(await phone.getByRole('button', { name: 'Join' }).count()).toBe(0);
    await phone.screenshot({ path: join(OUTPUT, 'expired-link-phone.png') });
  });
});
