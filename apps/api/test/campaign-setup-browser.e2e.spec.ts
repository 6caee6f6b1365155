import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { focusedText } from './in-page.js';
import { addMember, callApi, createCampaignOverHttp, signInIn, signInOverHttp, type Member } from './members-over-http.js';

const IMAGES = fileURLToPath(new URL('../../../docs/images/', import.meta.url));
const founder = { organization: 'Riverside Renters', name: 'Maria Organizer', email: 'maria@example.org', password: 'housing is a human right' };
let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;
let owner: Member;
let ana: Member;
let page: Page;
let campaignId: string;

/** Screenshots go to test-results/; with SAVE_DOC_IMAGES=1 they are copied over the docs' images too (not on every test run). */
function toDocs(name: string) {
  if (process.env['SAVE_DOC_IMAGES'] === '1') copyFileSync(join(OUTPUT, name), join(IMAGES, name));
}

async function snap(on: Page, name: string) {
  await on.screenshot({ path: join(OUTPUT, name), fullPage: true });
  toDocs(name);
}

/** A small CSV through the upload API: preview for the guessed mapping, then the upload with it. */
async function uploadContacts(csv: string) {
  const preview = await fetch(`${api.url}/api/campaigns/${campaignId}/uploads/preview`, { method: 'POST', headers: { cookie: owner.cookie, 'content-type': 'text/csv' }, body: csv });
  if (!preview.ok) throw new Error(`preview: ${preview.status} ${await preview.text()}`);
  const { mapping } = (await preview.json()) as { mapping: unknown };
  const upload = await fetch(`${api.url}/api/campaigns/${campaignId}/uploads?fileName=members.csv`, {
    method: 'POST',
    headers: { cookie: owner.cookie, 'content-type': 'text/csv', 'Textbank-Mapping': encodeURIComponent(JSON.stringify(mapping)) },
    body: csv,
  });
  if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  return (await upload.json()) as { counts: { accepted: number } };
}

const section = (name: string) => page.getByRole('region', { name, exact: true });

beforeAll(async () => {
  harness = await startBrowserHarness('campaign-setup');
  ({ api, browser } = harness);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await createOrganizationIn(page, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  ana = await addMember(api.url, owner, { name: 'Ana Admin', email: 'ana@example.org', password: 'organize the unorganized', role: 'admin' });
  campaignId = await createCampaignOverHttp(api.url, owner, 'Tenant vote', 'Get members to the building vote');
}, 120_000);
afterAll(async () => harness?.stop());

describe('setting up a campaign in a real browser', () => {
  it('writes a script: UCS-2 from an emoji, smart quotes fixed in one click, unknown fields flagged, a preview, and a save', async () => {
    await page.goto(`${api.url}/#/campaigns/${campaignId}`);
    await expect.poll(() => page.getByTestId('connection').textContent()).toContain('live');
    const script = section('Initial script');
    const box = script.getByLabel('Script', { exact: true });
    await box.fill('Hi {firstName}, this is {texterFirstName} with Riverside Renters. Can we count on your vote on Tuesday?');
    await expect.poll(() => script.getByTestId('encoding').textContent()).toBe('GSM-7');
    expect(await script.getByTestId('segments').textContent()).toBe('1 segment');
    expect(await script.getByTestId('ucs2-warning').count()).toBe(0);

    await box.press('End');
    await box.pressSequentially(' 🗳');
    await expect.poll(() => script.getByTestId('encoding').textContent()).toBe('UCS-2');
    expect(await script.getByTestId('segments').textContent()).toBe('2 segments · 67 characters each');
    expect(await script.getByTestId('ucs2-warning').textContent()).toContain('🗳');

    // Pasted from a word processor: curly quotes and a long dash, each forcing UCS-2; one click puts them right.
    await box.fill('Hi {firstName}, it’s {texterFirstName} — can we count on your “yes” on Tuesday?');
    await expect.poll(() => script.getByTestId('encoding').textContent()).toBe('UCS-2');
    expect(await script.locator('.ucs2-warning mark').allTextContents()).toEqual(['’', '—', '“', '”']);
    await snap(page, 'script-editor-desktop.png');
    await script.getByRole('button', { name: 'Fix smart quotes and dashes' }).click();
    expect(await box.inputValue()).toBe('Hi {firstName}, it\'s {texterFirstName} - can we count on your "yes" on Tuesday?');
    await expect.poll(() => script.getByTestId('encoding').textContent()).toBe('GSM-7');
    expect(await script.getByTestId('ucs2-warning').count()).toBe(0);

    // An unknown merge field is an error before saving, not a blank at send time.
    await box.press('End');
    await box.pressSequentially(' Your unit: {unit}');
    await expect.poll(() => script.getByText('Unknown merge field {unit}').count()).toBe(1);
    expect(await script.getByRole('button', { name: 'Save script' }).isDisabled()).toBe(true);
    await box.fill('Hi {firstName}, it\'s {texterFirstName} - can we count on your "yes" on Tuesday? ');
    await box.press('End');
    await script.getByRole('button', { name: '{lastName}' }).click();
    expect(await box.inputValue()).toMatch(/Tuesday\? \{lastName\}$/);

    const samples = script.getByTestId('preview-sample');
    await expect.poll(() => samples.count()).toBe(2);
    expect(await samples.nth(0).textContent()).toContain('Hi Maria, it\'s Maria - can we count');
    expect(await samples.nth(1).textContent()).toContain('A contact with every field empty');
    expect(await samples.nth(1).textContent()).toContain('Empty for this contact: {firstName}, {lastName}');

    await script.getByRole('button', { name: 'Save script' }).click();
    await expect.poll(() => script.getByRole('status').filter({ hasText: 'Script saved.' }).count()).toBe(1);
    expect(await script.getByTestId('script-version').textContent()).toBe('Version 1');

    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await signInIn(phone, api.url, founder.email, founder.password);
    await phone.goto(`${api.url}/#/campaigns/${campaignId}`);
    await phone.getByRole('region', { name: 'Initial script', exact: true }).getByLabel('Script', { exact: true }).fill('Hi {firstName}! It’s {texterFirstName} 👋 see you Tuesday?');
    await phone.getByRole('region', { name: 'Initial script', exact: true }).getByTestId('ucs2-warning').waitFor();
    await phone.getByRole('region', { name: 'Initial script', exact: true }).screenshot({ path: join(OUTPUT, 'script-editor-phone.png') });
    toDocs('script-editor-phone.png');
    await phone.context().close();
  });

  it('a second admin’s save shows live; saving over it mid-edit is a clear conflict, and keeping mine saves', async () => {
    const script = section('Initial script');
    const box = script.getByLabel('Script', { exact: true });
    const current = await callApi<{ revision: number; variants: Array<{ variantId: string }> }>(api.url, ana.cookie, 'GET', `/api/campaigns/${campaignId}/script`);
    await callApi(api.url, ana.cookie, 'PUT', `/api/campaigns/${campaignId}/script`, {
      expectedRevision: current.revision,
      variants: [{ variantId: current.variants[0]!.variantId, body: 'Hi {firstName}, Ana here. Vote yes on Tuesday?' }],
    });
    // Nothing typed here: their version simply shows.
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe('Hi {firstName}, Ana here. Vote yes on Tuesday?');
    expect(await script.getByTestId('script-version').textContent()).toBe('Version 2');

    await box.fill('Hi {firstName}, Maria here. Will you vote yes on Tuesday?');
    const again = await callApi<{ revision: number; variants: Array<{ variantId: string }> }>(api.url, ana.cookie, 'GET', `/api/campaigns/${campaignId}/script`);
    await callApi(api.url, ana.cookie, 'PUT', `/api/campaigns/${campaignId}/script`, {
      expectedRevision: again.revision,
      variants: [{ variantId: again.variants[0]!.variantId, body: 'Hi {firstName}, Ana again. Vote yes!' }],
    });
    const warning = script.getByTestId('changed-by-someone-else');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toContain('Changed by someone else while you were editing');
    expect(await box.inputValue()).toBe('Hi {firstName}, Maria here. Will you vote yes on Tuesday?');
    await script.getByRole('button', { name: 'Keep my changes' }).click();
    await script.getByRole('button', { name: 'Save script' }).click();
    await expect.poll(() => script.getByRole('status').filter({ hasText: 'Script saved.' }).count()).toBe(1);
    const saved = await callApi<{ version: number; variants: Array<{ body: string }> }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/script`);
    expect(saved).toMatchObject({ version: 4, variants: [{ body: 'Hi {firstName}, Maria here. Will you vote yes on Tuesday?' }] });
  });

  it('canned responses: add, search, move with the keyboard, edit and delete after asking', async () => {
    const responses = section('Canned responses');
    for (const [title, body] of [
      ['Wrong number', 'Sorry to bother you! We will take you off our list.'],
      ['Where to vote', 'The vote is in the lobby, Tuesday 6-9pm.'],
      ['Thanks', 'Thank you {firstName}!'],
    ] as const) {
      await responses.getByRole('button', { name: 'Add a response' }).click();
      await responses.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
      await responses.getByRole('textbox', { name: 'Response', exact: true }).fill(body);
      await responses.getByRole('button', { name: 'Add response' }).click();
      await expect.poll(() => responses.getByTestId('canned-response').filter({ hasText: title }).count()).toBe(1);
    }
    const titles = () => responses.getByTestId('canned-response').locator('strong').allTextContents();
    expect(await titles()).toEqual(['Wrong number', 'Where to vote', 'Thanks']);

    // Keyboard only: the focus stays on the button pressed, so pressing again moves it again.
    await responses.getByRole('button', { name: 'Move “Thanks” up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Wrong number', 'Thanks', 'Where to vote']);
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Thanks', 'Wrong number', 'Where to vote']);
    // At the top "Up" is disabled: the keyboard is on "Down" now.
    await expect.poll(() => focusedText(page)).toBe('↓ Down');
    const listed = await callApi<{ responses: Array<{ title: string }> }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/responses`);
    expect(listed.responses.map((r) => r.title)).toEqual(['Thanks', 'Wrong number', 'Where to vote']);

    await responses.getByLabel('Search responses').fill('LOBBY');
    await expect.poll(titles).toEqual(['Where to vote']);
    await responses.getByLabel('Search responses').fill('');

    await responses.getByRole('button', { name: 'Edit “Where to vote”' }).click();
    await responses.getByRole('textbox', { name: 'Response', exact: true }).fill('The vote is in the community room, Tuesday 6-9pm.');
    await responses.getByRole('button', { name: 'Save response' }).click();
    await expect.poll(() => responses.getByTestId('canned-response').filter({ hasText: 'community room' }).count()).toBe(1);

    await responses.getByRole('button', { name: 'Delete “Wrong number”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Wrong number”?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete response' }).click();
    await expect.poll(titles).toEqual(['Thanks', 'Where to vote']);
  });

  it('tags: created with a colour and group on the Tags screen, renamed, one archived; the campaign chooses its own', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
    expect(await page.title()).toBe('Tags · Riverside Renters · Textbank');
    for (const [name, colour, group] of [
      ['Voting yes', 'Green', 'Outcome'],
      ['Wrong number', 'Red', 'Outcome'],
      ['Volunteer lead', 'Purple', 'Volunteer interest'],
      ['Old tag', 'Grey', ''],
    ] as const) {
      await page.getByLabel('Tag name').fill(name);
      await page.getByRole('radio', { name: colour }).check();
      await page.getByLabel('Group').fill(group);
      await page.getByRole('button', { name: 'Create tag' }).click();
      await expect.poll(() => page.getByTestId('tag-row').filter({ hasText: name }).count()).toBe(1);
    }
    await page.getByRole('button', { name: 'Edit Volunteer lead' }).click();
    await page.getByLabel('Tag name').nth(1).fill('Volunteer leader');
    await page.getByRole('button', { name: 'Save tag' }).click();
    await expect.poll(() => page.getByTestId('tag-row').filter({ hasText: 'Volunteer leader' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Archive Old tag' }).click();
    await page.getByRole('dialog', { name: 'Archive the tag “Old tag”?' }).getByRole('button', { name: 'Archive tag' }).click();
    await expect.poll(() => page.getByTestId('tag-row').filter({ hasText: 'Old tag' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Outcome' }).getByTestId('tag-row').allTextContents()).toEqual([expect.stringContaining('Voting yes'), expect.stringContaining('Wrong number')]);

    await page.goto(`${api.url}/#/campaigns/${campaignId}`);
    const tags = section('Tags');
    await tags.getByLabel('Voting yes').check();
    await tags.getByLabel('Volunteer leader').check();
    expect(await tags.getByLabel('Old tag').count()).toBe(0);
    await tags.getByRole('button', { name: 'Save tags' }).click();
    await expect.poll(() => tags.getByRole('status').filter({ hasText: 'Tags saved.' }).count()).toBe(1);
    const chosen = await callApi<{ tags: Array<{ name: string }> }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/tags`);
    expect(chosen.tags.map((t) => t.name).sort()).toEqual(['Volunteer leader', 'Voting yes']);
  });

  it('a question tree with a follow-up, a suggested response and a tag; the server’s refusals in words', async () => {
    const survey = section('Survey questions');
    await survey.getByRole('button', { name: 'Add a question' }).click();
    await survey.getByRole('textbox', { name: 'Question 1', exact: true }).fill('Will you come to the vote on Tuesday?');
    await survey.getByRole('textbox', { name: 'Answer 1', exact: true }).fill('Yes');
    await survey.getByRole('button', { name: 'Add an answer to question 1' }).click();
    await survey.getByRole('textbox', { name: 'Answer 2', exact: true }).fill('yes');
    await survey.getByRole('button', { name: 'Save survey' }).click();
    // Two answers the same but for case: the server's refusal, named by question and answer.
    await expect.poll(() => survey.getByRole('alert').first().textContent()).toContain('Question 1 (“Will you come to the vote on Tuesday?”), answer 2 (“yes”)');

    await survey.getByRole('textbox', { name: 'Answer 2', exact: true }).fill('No');
    const first = survey.getByTestId('survey-question').first();
    await first.getByLabel('Apply tag').first().selectOption({ label: 'Voting yes' });
    await first.getByLabel('Suggest response').first().selectOption({ label: 'Where to vote' });
    await survey.getByRole('button', { name: 'Add a follow-up to “No”' }).click();
    await survey.getByRole('textbox', { name: 'Question 2', exact: true }).fill('What would help you come?');
    const followUp = survey.getByTestId('survey-question').nth(1);
    expect(await followUp.textContent()).toContain('asked after “No” to “Will you come to the vote on Tuesday?”');
    await followUp.getByRole('textbox', { name: 'Answer 1', exact: true }).fill('A ride');
    await followUp.getByLabel('Apply tag').selectOption({ label: 'Volunteer leader' });
    await survey.getByRole('button', { name: 'Save survey' }).click();
    await expect.poll(() => survey.getByRole('status').filter({ hasText: 'Survey saved.' }).count()).toBe(1);
    await snap(page, 'survey-editor-desktop.png');

    const saved = await callApi<{ version: number; questions: Array<{ id: string; text: string; answers: Array<{ label: string; next?: string; tagId?: string; cannedResponseId?: string }> }> }>(
      api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/survey`,
    );
    expect(saved.version).toBe(1);
    expect(saved.questions.map((q) => q.text)).toEqual(['Will you come to the vote on Tuesday?', 'What would help you come?']);
    expect(saved.questions[0]!.answers[1]!.next).toBe(saved.questions[1]!.id);
    expect(saved.questions[0]!.answers[0]).toMatchObject({ label: 'Yes', tagId: expect.any(String), cannedResponseId: expect.any(String) });

    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await signInIn(phone, api.url, founder.email, founder.password);
    await phone.goto(`${api.url}/#/campaigns/${campaignId}`);
    const phoneSurvey = phone.getByRole('region', { name: 'Survey questions', exact: true });
    await phoneSurvey.getByTestId('survey-question').nth(1).waitFor();
    await phoneSurvey.screenshot({ path: join(OUTPUT, 'survey-editor-phone.png') });
    toDocs('survey-editor-phone.png');
    await phone.context().close();
  });

  it('the launch checklist says what is missing and where to fix it; with contacts uploaded it passes and the campaign launches', async () => {
    const launch = section('Launch');
    await launch.getByTestId('launch-checklist').waitFor();
    await expect.poll(() => launch.getByTestId('checklist-summary').textContent()).toBe('Not ready to launch: 1 thing missing.');
    expect(await launch.getByTestId('checklist-item').filter({ hasText: 'Contacts' }).textContent()).toContain('No contacts yet');
    expect(await launch.getByRole('button', { name: 'Launch' }).isDisabled()).toBe(true);
    await launch.screenshot({ path: join(OUTPUT, 'launch-checklist-desktop.png') });
    toDocs('launch-checklist-desktop.png');
    await launch.getByRole('button', { name: 'Upload contacts' }).click();
    await expect.poll(() => focusedText(page)).toBe('Contacts');

    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await signInIn(phone, api.url, founder.email, founder.password);
    await phone.goto(`${api.url}/#/campaigns/${campaignId}`);
    const phoneLaunch = phone.getByRole('region', { name: 'Launch', exact: true });
    await phoneLaunch.getByTestId('launch-checklist').waitFor();
    await phoneLaunch.screenshot({ path: join(OUTPUT, 'launch-checklist-phone.png') });
    toDocs('launch-checklist-phone.png');
    await phone.context().close();

    const done = await uploadContacts('phone,first name,last name,zip\r\n2125550101,Rosa,Parks,10001\r\n4155550102,Cesar,Chavez,94110\r\n');
    expect(done.counts.accepted).toBe(2);
    await page.reload();
    await expect.poll(() => launch.getByTestId('checklist-summary').textContent(), { timeout: 10_000 }).toBe('Ready to launch.');
    await launch.getByRole('button', { name: 'Launch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Launch Tenant vote?' });
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await expect.poll(() => launch.getByTestId('lifecycle-status').textContent(), { timeout: 10_000 }).toBe('active');
    await expect.poll(() => launch.getByRole('status').filter({ hasText: 'Campaign launched.' }).count()).toBe(1);
    await expect.poll(() => launch.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    const campaign = await callApi<{ status: string }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}`);
    expect(campaign.status).toBe('active');
  });
});
