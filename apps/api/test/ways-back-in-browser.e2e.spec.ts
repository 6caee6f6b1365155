import { join } from 'node:path';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { addMember, callApi, joinOnly, signInOverHttp, type Member } from './members-over-http.js';

const founder = { organization: 'Lakeside Teachers', name: 'Ines Organizer', email: 'ines@example.org', password: 'educate agitate organize' };
const joNewPassword = 'a brand new passphrase';
let harness: BrowserHarness;
let api: ApiProcess;
let browser: Browser;
let page: Page;
let owner: Member;
let jo: Member;
let nellId: string;

const row = (name: string) => page.getByTestId('person-row').filter({ hasText: name });
const freshPage = async (options = {}) => (await browser.newContext(options)).newPage();
const peopleOnServer = async () => (await callApi<{ people: { id: string; email: string }[] }>(api.url, owner.cookie, 'GET', '/api/people')).people;

beforeAll(async () => {
  harness = await startBrowserHarness('ways-back-in');
  ({ api, browser } = harness);
  page = await freshPage({ viewport: { width: 1280, height: 900 } });
  await createOrganizationIn(page, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  jo = await addMember(api.url, owner, { name: 'Jo Texter', email: 'jo@example.org', password: 'texting night 2026!' });
  nellId = await joinOnly(api.url, owner, { name: 'Nell Newcomer', email: 'nell@example.org', password: 'texting night 2026!' });
  const sue = await addMember(api.url, owner, { name: 'Sue Suspended', email: 'sue@example.org', password: 'texting night 2026!' });
  await callApi(api.url, owner.cookie, 'POST', `/api/people/${sue.id}/suspend`);
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
  await row('Nell Newcomer').waitFor();
}, 60_000);
afterAll(async () => harness?.stop());

describe('a way back in for someone locked out', () => {
  it('an owner makes a reset link; opened in a fresh browser it names the person, sets the password (shown while typed) and lands them signed in', async () => {
    expect(await row('Sue Suspended').getByRole('button', { name: 'Password reset link' }).count()).toBe(0);
    expect(await row('Ines Organizer').getByRole('button').count()).toBe(0);

    await row('Jo Texter').getByRole('button', { name: 'Password reset link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Password reset link for Jo Texter' });
    await dialog.waitFor();
    const link = (await dialog.getByTestId('invite-link').textContent())!.trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/reset\/[\w-]+$/);
    expect(await dialog.textContent()).toContain('It works once, and for a day');
    expect(await dialog.getByTestId('qr-code').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const locked = await freshPage({ viewport: { width: 1280, height: 800 } });
    await locked.goto(link);
    await locked.getByRole('heading', { name: 'Set a new password' }).waitFor();
    expect(await locked.getByTestId('reset-name').textContent()).toBe('Jo Texter');
    expect(await locked.getByTestId('reset-email').textContent()).toBe('jo@example.org');
    expect(await locked.title()).toBe('Set a new password · Textbank');
    const field = locked.getByLabel('New password');
    await field.fill(joNewPassword);
    expect(await field.getAttribute('type')).toBe('password');
    const toggle = locked.getByRole('button', { name: 'Show password' });
    await toggle.click();
    expect(await field.getAttribute('type')).toBe('text');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await locked.screenshot({ path: join(OUTPUT, 'reset-password.png') });
    await locked.getByRole('button', { name: 'Set password and sign in' }).click();
    await locked.getByRole('heading', { name: /Welcome/ }).waitFor();
    expect(new URL(locked.url()).hash).toBe('#/home');
    await locked.context().close();

    // Used once: the same link now says so, with no form.
    const again = await freshPage();
    await again.goto(link);
    await expect.poll(() => again.getByTestId('reset-problem').textContent()).toMatch(/already used/);
    expect(await again.getByLabel('New password').count()).toBe(0);
    await again.context().close();
    await expect(signInOverHttp(api.url, jo.email, jo.password)).rejects.toThrow(/401/);
    await signInOverHttp(api.url, jo.email, joNewPassword);
  });

  it('the reset page fits a phone', async () => {
    const link = await callApi<{ path: string }>(api.url, owner.cookie, 'POST', `/api/people/${jo.id}/password-reset`);
    const phone = await freshPage({ ...devices['Pixel 7'] });
    await phone.goto(`${api.url}${link.path}`);
    await phone.getByLabel('New password').fill('typed on a phone');
    await phone.getByRole('button', { name: 'Show password' }).click();
    const box = (await phone.getByRole('button', { name: 'Set password and sign in' }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(phone.viewportSize()!.width);
    await phone.screenshot({ path: join(OUTPUT, 'reset-password-phone.png') });
    await phone.context().close();
  });

  it('a suspended member with the right password is told their access is suspended; a wrong one is told nothing more', async () => {
    const sue = await freshPage();
    await sue.goto(api.url);
    await sue.getByLabel('Email').fill('sue@example.org');
    await sue.getByLabel('Password').fill('not her password at all');
    await sue.getByRole('button', { name: 'Sign in' }).click();
    await sue.getByText('That email and password do not match an account.').waitFor();
    await sue.getByLabel('Password').fill('texting night 2026!');
    await sue.getByRole('button', { name: 'Sign in' }).click();
    await sue.getByText('Your access to this organization is suspended. Ask one of its organizers to reinstate you.').waitFor();
    expect(await sue.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await sue.context().close();
  });

  it('joining again with a taken email offers a real link to sign in, the address filled in', async () => {
    const invite = await callApi<{ path: string }>(api.url, owner.cookie, 'POST', '/api/invites', { kind: 'volunteer' });
    const phone = await freshPage({ ...devices['Pixel 7'] });
    await phone.goto(`${api.url}${invite.path}`);
    await phone.getByLabel('Your name').fill('Jo Again');
    await phone.getByLabel('Email').fill('Jo@Example.org');
    await phone.getByLabel('Password').fill('texting night 2026!');
    await phone.getByRole('button', { name: 'Join' }).click();
    const signIn = phone.getByRole('link', { name: 'sign in instead' });
    await signIn.waitFor();
    expect(await phone.locator('#join-email-error').textContent()).toBe('Someone has already joined with that email; sign in instead');
    await signIn.click();
    await phone.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await phone.getByLabel('Email').inputValue()).toBe('jo@example.org');
    await phone.getByLabel('Password').fill(joNewPassword);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByRole('heading', { name: /Welcome/ }).waitFor();
    expect(new URL(phone.url()).hash).toBe('#/home');
    await phone.context().close();
  });
});

describe("an owner's way out of a wrong address", () => {
  it('Change email shows a taken address refused under the field, then changes it', async () => {
    await row('Nell Newcomer').getByRole('button', { name: 'Change email' }).click();
    const dialog = page.getByRole('dialog', { name: "Change Nell Newcomer's email" });
    await dialog.waitFor();
    await dialog.getByLabel('New email').fill('jo@example.org');
    await dialog.getByRole('button', { name: 'Change email' }).click();
    await expect.poll(() => dialog.locator('.field-error').textContent()).toBe('Someone else already uses that email');
    await dialog.getByLabel('New email').fill('nell.n@example.org');
    await dialog.getByRole('button', { name: 'Change email' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole('status').filter({ hasText: "Nell Newcomer's email is now nell.n@example.org." }).waitFor();
    await expect.poll(() => row('Nell Newcomer').textContent()).toContain('nell.n@example.org');
    expect((await peopleOnServer()).find((person) => person.id === nellId)?.email).toBe('nell.n@example.org');
  });

  it('Remove is offered only for someone who never signed in, asks first, and frees their email', async () => {
    expect(await row('Jo Texter').getByRole('button', { name: 'Remove' }).count()).toBe(0);
    await row('Nell Newcomer').getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Nell Newcomer?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('nell.n@example.org is free to join or be invited again');
    await page.screenshot({ path: join(OUTPUT, 'people-confirm-remove.png') });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => row('Nell Newcomer').count()).toBe(0);
    expect((await peopleOnServer()).some((person) => person.id === nellId)).toBe(false);
    await joinOnly(api.url, owner, { name: 'Nell Rightful', email: 'nell.n@example.org', password: 'texting night 2026!' });
  });
});
