import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startApi } from './api-process.js';
import type { BrowserHarness } from './browser-harness.js';
import { OUTPUT } from './browser-harness.js';
import { chromiumLaunchOptions } from './chromium.js';
import { callApi, type Member } from './members-over-http.js';

/** A quiet sandbox carrier: nothing fails, nobody answers on their own, receipts come at once. */
export const QUIET_SANDBOX = { SANDBOX_REPLY_RATE: '0', SANDBOX_FAILURE_RATE: '0', SANDBOX_DELIVERY_DELAY_MS: '50' };

/**
 * The built server's clock, moved to 14:00 in New York today (Date only; timers
 * run as they do): a first text is sent only within the contact's texting
 * hours, and launching refuses hours outside 08:00-21:00, so without this the
 * test would pass only in daytime. A preload replaces Date before the server starts.
 */
const SHIFTED_DATE = `
const shift = Number(process.env.TEXTBANK_TEST_CLOCK_SHIFT_MS || 0);
const Real = Date;
const now = () => Real.now() + shift;
globalThis.Date = new Proxy(Real, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
  apply: () => new Real(now()).toString(),
  get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
});`;

/** How far to move the clock so that it reads `hour`:00 in `zone`; under twelve hours either way. */
export function shiftTo(hour: number, zone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const sinceMidnight = ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000;
  const day = 24 * 3_600_000;
  let shift = (hour * 3_600_000 - sinceMidnight) % day;
  if (shift > day / 2) shift -= day;
  if (shift <= -day / 2) shift += day;
  return shift;
}

export interface TextingHarness extends BrowserHarness {
  /** A browser context whose clock reads what the server's does (so "2:00 PM where they are" agrees with the server's texting hours). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** The built API on its own data with the quiet sandbox (or the one given) and the clock at 14:00 New York, and Debian's Chromium. */
export async function startTextingHarness(name: string, sandbox: Record<string, string> = QUIET_SANDBOX): Promise<TextingHarness> {
  mkdirSync(OUTPUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `textbank-${name}-`));
  const shift = shiftTo(14, 'America/New_York');
  const api = await startApi(dataDir, {
    ...sandbox,
    TEXTBANK_TEST_CLOCK_SHIFT_MS: String(shift),
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=data:text/javascript,${encodeURIComponent(SHIFTED_DATE)}`.trim(),
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  return {
    api,
    browser,
    async newContext(options = {}) {
      const context = await browser.newContext(options);
      // Time flows on from there; only the starting point moves.
      await context.clock.install({ time: Date.now() + shift });
      return context;
    },
    async stop() {
      await browser.close();
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Phone numbers 212-555-0100 + n, all at ZIP 10001 (New York). */
export const phoneOf = (n: number) => `+1212555${String(100 + n).padStart(4, '0')}`;

/** A launched campaign (default hours 09:00-21:00) of `count` New York contacts First0 Last0…, with a script and canned responses. */
export async function launchedCampaign(url: string, owner: Member, count: number, responses: ReadonlyArray<{ title: string; body: string }>): Promise<string> {
  const { id } = await callApi<{ id: string }>(url, owner.cookie, 'POST', '/api/campaigns', { name: 'Tenant vote', description: 'Get members to the building vote' });
  const rows = ['phone,first name,last name,zip', ...Array.from({ length: count }, (_, n) => `${phoneOf(n)},First${n},Last${n},10001`)];
  const csv = `${rows.join('\r\n')}\r\n`;
  const preview = await fetch(`${url}/api/campaigns/${id}/uploads/preview`, { method: 'POST', headers: { cookie: owner.cookie, 'content-type': 'text/csv' }, body: csv });
  if (!preview.ok) throw new Error(`preview: ${preview.status} ${await preview.text()}`);
  const { mapping } = (await preview.json()) as { mapping: unknown };
  const upload = await fetch(`${url}/api/campaigns/${id}/uploads?fileName=members.csv`, {
    method: 'POST',
    headers: { cookie: owner.cookie, 'content-type': 'text/csv', 'Textbank-Mapping': encodeURIComponent(JSON.stringify(mapping)) },
    body: csv,
  });
  if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  await callApi(url, owner.cookie, 'PUT', `/api/campaigns/${id}/script`, {
    expectedRevision: -1,
    variants: [{ body: 'Hi {firstName}, this is {texterFirstName} with Riverside Renters. Can we count on your vote on Tuesday?' }],
  });
  for (const response of responses) await callApi(url, owner.cookie, 'POST', `/api/campaigns/${id}/responses`, response);
  await callApi(url, owner.cookie, 'POST', `/api/campaigns/${id}/launch`, {});
  return id;
}

interface InPage {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

/** Whether the page fits its viewport's width (nothing to scroll sideways on a phone). */
export const fitsWidth = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as InPage).document.documentElement;
    return root.scrollWidth <= root.clientWidth;
  });
