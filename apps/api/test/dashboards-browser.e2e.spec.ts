import type { CampaignDashboard, OrganizationOverview, VolunteerHome } from '@textbank/contracts';
import { randomUUID } from 'node:crypto';
import { devices, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { snap } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { addMember, callApi, signInIn, signInOverHttp, type Member } from './members-over-http.js';
import { fitsWidth, launchedCampaign, startTextingHarness, type TextingHarness } from './texting-in-browser.js';

const founder = { organization: 'Riverside Renters', name: 'Maria Organizer', email: 'maria@example.org', password: 'housing is a human right' };
/** A lively sandbox: most contacts answer within a second, some texts fail. */
const LIVELY_SANDBOX = { SANDBOX_REPLY_RATE: '0.6', SANDBOX_REPLY_DELAY_MS: '400', SANDBOX_FAILURE_RATE: '0.15', SANDBOX_DELIVERY_DELAY_MS: '100' };
const CONTACTS = 24;

let harness: TextingHarness;
let api: ApiProcess;
let owner: Member;
let vera: Member;
let admin: Page;
let campaignId: string;

/** Vera asks for `count` contacts and sends each its first text, a little apart, as she would on the texting screen. */
async function session(count: number) {
  await callApi(api.url, vera.cookie, 'POST', `/api/campaigns/${campaignId}/texting/request`, { count });
  for (let n = 0; n < count; n++) {
    const { next } = await callApi<{ next: { contactId: string } }>(api.url, vera.cookie, 'GET', `/api/campaigns/${campaignId}/texting/next`);
    const sent = await fetch(`${api.url}/api/campaigns/${campaignId}/texting/send`, {
      method: 'POST',
      headers: { cookie: vera.cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ contactId: next.contactId }),
    });
    if (sent.status !== 201) throw new Error(`send: ${sent.status} ${await sent.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const counter = async (page: Page, name: string) => (await page.locator(`[data-counter="${name}"]`).textContent({ timeout: 5000 }))?.trim();
const percentOf = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
/** The numbers the page shows, as the API's would print. */
const shown = async (page: Page) => ({
  texted: await counter(page, 'texted'),
  replied: await counter(page, 'replied'),
  failed: await counter(page, 'failed'),
  needsFirstText: await counter(page, 'needsFirstText'),
  deliveryRate: await counter(page, 'deliveryRate'),
  replyRate: await counter(page, 'replyRate'),
  chartSent: await page.getByTestId('traffic-chart').getAttribute('data-sent'),
});
const fromApi = (d: CampaignDashboard) => ({
  texted: String(d.counters.texted),
  replied: String(d.counters.replied),
  failed: String(d.counters.failed),
  needsFirstText: String(d.counters.needsFirstText),
  deliveryRate: percentOf(d.rates.delivery),
  replyRate: percentOf(d.rates.reply),
  chartSent: String(d.minutes.reduce((n, m) => n + m.sent, 0)),
});

beforeAll(async () => {
  harness = await startTextingHarness('dashboards', LIVELY_SANDBOX);
  api = harness.api;
  admin = await (await harness.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await createOrganizationIn(admin, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  vera = await addMember(api.url, owner, { name: 'Vera Volunteer', email: 'vera@example.org', password: 'one text at a time' });
  campaignId = await launchedCampaign(api.url, owner, CONTACTS, []);
  await callApi(api.url, owner.cookie, 'PUT', `/api/campaigns/${campaignId}/survey`, {
    expectedRevision: -1,
    questions: [{ id: 'vote', text: 'Will you vote on Tuesday?', answers: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] }],
  });
}, 120_000);
afterAll(async () => harness?.stop());

describe('live dashboards, in a real browser', () => {
  it('the campaign dashboard moves without a reload while a session runs, and ends on the API numbers', async () => {
    await admin.goto(`${api.url}/#/campaigns/${campaignId}`);
    await admin.getByTestId('dashboard-link').click();
    await admin.getByTestId('counters').waitFor();
    expect(await counter(admin, 'contacts')).toBe(String(CONTACTS));
    expect(await counter(admin, 'texted')).toBe('0');
    // A mark on the window: a reload would lose it.
    await admin.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));

    const seen = new Set<string>();
    const running = session(16);
    let done = false;
    void running.finally(() => (done = true));
    while (!done) {
      seen.add(`${await counter(admin, 'texted')}/${await admin.getByTestId('traffic-chart').getAttribute('data-sent')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await running;
    // Seen moving through several values on the way, counters and chart alike.
    expect(seen.size).toBeGreaterThan(3);

    // Replies and receipts settle within a second or two; the page ends where the API is.
    let last: CampaignDashboard | undefined;
    await expect
      .poll(
        async () => {
          last = await callApi<CampaignDashboard>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/dashboard`);
          return JSON.stringify(await shown(admin)) === JSON.stringify(fromApi(last)) && last.messages.queued === 0 && last.counters.replied > 0;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    expect(last!.counters.texted).toBe(16);
    expect(await admin.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await admin.getByTestId('volunteer-row').textContent()).toContain('Vera Volunteer');
    await snap(admin, 'dashboard-desktop.png');
  }, 60_000);

  it('the overview shows the campaign with its progress; the phone layouts fit; the volunteer home shows replies waiting live', async () => {
    await admin.goto(`${api.url}/#/overview`);
    await admin.getByTestId('overview-row').waitFor();
    const overview = await callApi<OrganizationOverview>(api.url, owner.cookie, 'GET', '/api/dashboard/overview');
    expect(await admin.getByTestId('overview-row').textContent()).toContain(`${overview.campaigns[0]!.texted} of ${CONTACTS} texted`);
    await snap(admin, 'overview-desktop.png');

    const phone = await (await harness.newContext({ ...devices['Pixel 7'] })).newPage();
    await signInIn(phone, api.url, founder.email, founder.password);
    await phone.goto(`${api.url}/#/campaigns/${campaignId}/dashboard`);
    await phone.getByTestId('counters').waitFor();
    await snap(phone, 'dashboard-phone.png');
    await phone.goto(`${api.url}/#/overview`);
    await phone.getByTestId('overview-row').waitFor();
    await snap(phone, 'overview-phone.png');

    const veraPhone = await (await harness.newContext({ ...devices['Pixel 7'] })).newPage();
    await signInIn(veraPhone, api.url, vera.email, vera.password);
    await veraPhone.getByTestId('volunteer-home').waitFor({ timeout: 10_000 });
    const home = await callApi<VolunteerHome>(api.url, vera.cookie, 'GET', '/api/me/home');
    await expect.poll(() => counter(veraPhone, 'repliesWaiting')).toBe(String(home.repliesWaiting));
    expect(await counter(veraPhone, 'firstTexts')).toBe('16');
    expect(await fitsWidth(veraPhone)).toBe(true);
    // One more reply arrives: the number moves without a reload.
    const quiet = (await callApi<{ conversations: Array<{ phone: string; status: string }> }>(api.url, vera.cookie, 'GET', `/api/conversations?view=waiting&campaignId=${campaignId}`)).conversations[0];
    // With 16 texted and 60% answering on their own, some are still quiet (all 16 answering: 0.4^16 odds against).
    expect(quiet).toBeDefined();
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: quiet!.phone, body: 'Sure, what time?' });
    await expect.poll(() => counter(veraPhone, 'repliesWaiting'), { timeout: 5000 }).toBe(String(home.repliesWaiting + 1));
    await snap(veraPhone, 'volunteer-home-phone.png');
    const veraDesk = await (await harness.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInIn(veraDesk, api.url, vera.email, vera.password);
    await veraDesk.getByTestId('volunteer-home').waitFor();
    await snap(veraDesk, 'volunteer-home-desktop.png');
  }, 60_000);
});
