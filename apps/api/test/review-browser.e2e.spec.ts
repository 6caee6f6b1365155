import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { devices, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { OUTPUT, snap } from './browser-harness.js';
import { createOrganizationIn } from './first-run-in-browser.js';
import { addMember, callApi, signInIn, signInOverHttp, type Member } from './members-over-http.js';
import { fitsWidth, launchedCampaign, startTextingHarness, type TextingHarness } from './texting-in-browser.js';

const founder = { organization: 'Riverside Renters', name: 'Maria Organizer', email: 'maria@example.org', password: 'housing is a human right' };
let harness: TextingHarness;
let api: ApiProcess;
let owner: Member;
let vera: Member;
let victor: Member;
let admin: Page;
let campaignId: string;
/** Vera's four conversations and Victor's two, each in phone order. */
let veras: Conversation[];
let victors: Conversation[];

interface Conversation {
  contactId: string;
  phone: string;
  firstName: string;
  lastName: string;
}

/** The member asks for `count` contacts and sends each its first text, as the texting screen does; their conversations by phone. */
async function textedBy(member: Member, count: number): Promise<Conversation[]> {
  await callApi(api.url, member.cookie, 'POST', `/api/campaigns/${campaignId}/texting/request`, { count });
  for (let n = 0; n < count; n++) {
    const { next } = await callApi<{ next: { contactId: string } }>(api.url, member.cookie, 'GET', `/api/campaigns/${campaignId}/texting/next`);
    const sent = await fetch(`${api.url}/api/campaigns/${campaignId}/texting/send`, {
      method: 'POST',
      headers: { cookie: member.cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ contactId: next.contactId }),
    });
    if (sent.status !== 201) throw new Error(`send: ${sent.status} ${await sent.text()}`);
  }
  const { conversations } = await callApi<{ conversations: Conversation[] }>(api.url, member.cookie, 'GET', `/api/conversations?view=all&campaignId=${campaignId}`);
  return conversations.sort((a, b) => a.phone.localeCompare(b.phone));
}

/** The names in the review table, sorted. */
const rowNames = async (page: Page) => (await page.getByTestId('review-row').getByRole('link').allTextContents()).map((name) => name.trim()).sort();
const fullName = (c: Conversation) => `${c.firstName} ${c.lastName}`;
const names = (...list: Conversation[]) => list.map(fullName).sort();

beforeAll(async () => {
  harness = await startTextingHarness('review');
  api = harness.api;
  admin = await (await harness.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await createOrganizationIn(admin, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  vera = await addMember(api.url, owner, { name: 'Vera Volunteer', email: 'vera@example.org', password: 'one text at a time' });
  victor = await addMember(api.url, owner, { name: 'Victor Volunteer', email: 'victor@example.org', password: 'phone bank saturday' });
  campaignId = await launchedCampaign(api.url, owner, 10, []);
  const voting = (await callApi<{ id: string }>(api.url, owner.cookie, 'POST', '/api/tags', { name: 'Voting', colour: 'green' })).id;
  const ride = (await callApi<{ id: string }>(api.url, owner.cookie, 'POST', '/api/tags', { name: 'Needs a ride', colour: 'blue' })).id;
  await callApi(api.url, owner.cookie, 'PUT', `/api/campaigns/${campaignId}/tags`, { expectedRevision: -1, tagIds: [voting, ride] });
  await callApi(api.url, owner.cookie, 'PUT', `/api/campaigns/${campaignId}/survey`, {
    expectedRevision: 0,
    questions: [{ id: 'vote', text: 'Will you vote on Tuesday?', answers: [{ id: 'yes', label: 'Yes', tagId: voting }, { id: 'no', label: 'No' }] }],
  });
  veras = await textedBy(vera, 4);
  victors = await textedBy(victor, 2);
  const tag = (member: Member, c: Conversation, tagId: string) => callApi(api.url, member.cookie, 'POST', `/api/conversations/${c.contactId}/tags`, { tagId, applied: true });
  const answer = (member: Member, c: Conversation, answerId: string) => callApi(api.url, member.cookie, 'POST', `/api/conversations/${c.contactId}/answers`, { questionId: 'vote', answerId });
  // Vera: one needs a ride, one will vote (the answer tags it "Voting"), one won't; Victor: one will vote.
  await tag(vera, veras[0]!, ride);
  await answer(vera, veras[1]!, 'yes');
  await answer(vera, veras[2]!, 'no');
  await answer(victor, victors[0]!, 'yes');
}, 120_000);
afterAll(async () => harness?.stop());

describe('message review and moving conversations, in a real browser', () => {
  it('an organizer opens review from the campaign page and filters by tag, survey answer and texter; the address keeps the filter for Back', async () => {
    await admin.goto(`${api.url}/#/campaigns/${campaignId}`);
    await admin.getByTestId('review-link').click();
    await admin.getByRole('heading', { level: 1, name: 'Message review' }).waitFor();
    await expect.poll(() => admin.getByTestId('review-count').textContent()).toBe('6 conversations');
    expect(await rowNames(admin)).toEqual(names(...veras, ...victors));
    const riding = admin.getByTestId('review-row').filter({ hasText: fullName(veras[0]!) });
    expect(await riding.textContent()).toContain('Needs a ride');
    expect(await riding.textContent()).toContain('Vera Volunteer');

    await admin.getByLabel('Tag').selectOption({ label: 'Needs a ride' });
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[0]!));
    expect(admin.url()).toMatch(/\/review\?tagId=/);

    await admin.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rowNames(admin)).toHaveLength(6);
    await admin.getByLabel('Survey answer').selectOption({ label: 'Yes' });
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[1]!, victors[0]!));
    expect(admin.url()).toContain('questionId=vote&answerId=yes');
    // The answer's tag came with it.
    expect(await admin.getByTestId('review-row').filter({ hasText: fullName(victors[0]!) }).textContent()).toContain('Voting');

    await admin.getByLabel('Texter').selectOption({ label: 'Vera Volunteer' });
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[1]!));
    // One texter chosen: her conversations change live, without Refresh.
    await admin.getByText('Changes show as they happen.').waitFor();
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: veras[1]!.phone, body: 'Yes! Where do I go?' });
    const answered = admin.getByTestId('review-row').filter({ hasText: fullName(veras[1]!) });
    await expect.poll(() => answered.textContent(), { timeout: 10_000 }).toContain('Yes! Where do I go?');
    expect(await answered.textContent()).toContain('Needs reply');
    await snap(admin, 'review-desktop.png');
    // Back undoes the last pick: both "Yes" again.
    await admin.goBack();
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[1]!, victors[0]!));
    expect(await admin.getByLabel('Texter').inputValue()).toBe('');

    // Nobody holds any yet: the admin queue is empty; a search finds by name.
    await admin.getByLabel('Texter').selectOption({ label: 'Nobody (admin queue)' });
    await admin.getByTestId('review-empty').waitFor();
    await admin.getByLabel('Texter').selectOption({ label: 'Anyone' });
    await admin.getByLabel('Survey answer').selectOption({ label: 'Any answer' });
    // Typed filters reach the address after a pause: nothing failed with 30007 (the quiet sandbox delivers everything).
    await expect.poll(() => rowNames(admin)).toHaveLength(6);
    await admin.getByLabel('Error code').fill('30007');
    await expect.poll(() => admin.url()).toMatch(/\/review\?errorCode=30007$/);
    await admin.getByTestId('review-empty').waitFor();
    await admin.getByLabel('Error code').fill('');
    await expect.poll(() => rowNames(admin)).toHaveLength(6);
    // Anyone: every texter's conversations change live too; the newest change comes to the top.
    await admin.getByText('Changes show as they happen.').waitFor();
    // (A second text from one who already needs a reply: the counts the later tests read stay as they are.)
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: veras[1]!.phone, body: 'Which polling place?' });
    const top = admin.getByTestId('review-row').first();
    await expect.poll(() => top.textContent(), { timeout: 10_000 }).toContain('Which polling place?');
    expect((await top.getByRole('link').textContent())?.trim()).toBe(fullName(veras[1]!));
    expect(await rowNames(admin)).toHaveLength(6);
    await admin.getByLabel('Name or number').fill(veras[2]!.lastName);
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[2]!));

    await admin.getByTestId('review-row').getByRole('link').click();
    await admin.getByRole('heading', { level: 1, name: fullName(veras[2]!) }).waitFor();
    await admin.getByLabel('Reassign to').waitFor();
    await admin.goBack();
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[2]!));
    expect(await admin.getByLabel('Name or number').inputValue()).toBe(veras[2]!.lastName);
  });

  it('an auditor reads review on a phone: it fits the screen', async () => {
    const auditor = await addMember(api.url, owner, { name: 'Uma Auditor', email: 'uma@example.org', password: 'reads every line', role: 'auditor' });
    const phone = await (await harness.newContext({ ...devices['Pixel 7'] })).newPage();
    await signInIn(phone, api.url, auditor.email, auditor.password);
    await phone.goto(`${api.url}/#/campaigns/${campaignId}/review?view=waiting`);
    // Six texted, one of which has answered.
    await expect.poll(() => phone.getByTestId('review-count').textContent()).toBe('5 conversations');
    expect(await phone.getByRole('link', { name: 'Waiting for them' }).getAttribute('aria-current')).toBe('page');
    expect(await fitsWidth(phone)).toBe(true);
    await snap(phone, 'review-phone.png');
  });

  it('the organizer previews moving Vera’s “Voting” conversations to Victor, confirms, and the counts change', async () => {
    await admin.goto(`${api.url}/#/campaigns/${campaignId}`);
    const texters = admin.getByRole('region', { name: 'Texters', exact: true });
    const loads = async () => (await texters.getByTestId('texter-load').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim()).sort();
    await expect.poll(loads).toEqual(['Vera Volunteer 0 1 3 0 0', 'Victor Volunteer 0 0 2 0 0']);

    // Nothing opted out: the preview says so, and nothing is asked.
    await texters.getByLabel('From').selectOption({ label: 'Vera Volunteer' });
    await texters.getByLabel('Which ones').selectOption({ label: 'Opted out' });
    await texters.getByLabel('To', { exact: true }).selectOption({ label: 'Victor Volunteer' });
    await texters.getByRole('button', { name: 'Preview the move' }).click();
    await expect.poll(() => texters.getByTestId('move-nothing').textContent()).toBe('Vera Volunteer has no conversations in “Opted out”: nothing to move.');

    await texters.getByLabel('Which ones').selectOption({ label: 'All' });
    await texters.getByLabel('With tag').selectOption({ label: 'Voting' });
    await texters.getByRole('button', { name: 'Preview the move' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Move 1 conversation?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This moves 1 conversation tagged “Voting” from Vera Volunteer to Victor Volunteer.');
    // The campaign page is long: the screen as the organizer sees it, at the Texters panel.
    await texters.getByRole('heading', { name: 'Move conversations' }).scrollIntoViewIfNeeded();
    await snap(admin, 'move-preview-desktop.png', false);
    await dialog.getByRole('button', { name: 'Move 1' }).click();
    await admin.getByRole('status').filter({ hasText: 'Moved 1 conversation from Vera Volunteer to Victor Volunteer.' }).waitFor();
    await expect.poll(loads).toEqual(['Vera Volunteer 0 0 3 0 0', 'Victor Volunteer 0 1 2 0 0']);

    // The rest of Vera's to nobody: the admin queue.
    await texters.getByLabel('With tag').selectOption({ label: 'Any tag, or none' });
    await texters.getByLabel('To', { exact: true }).selectOption({ value: 'nobody' });
    await texters.getByRole('button', { name: 'Preview the move' }).click();
    const toNobody = admin.getByRole('dialog', { name: 'Move 3 conversations?' });
    expect(await toNobody.textContent()).toContain('from Vera Volunteer to nobody: untexted ones go back to the pool, texted ones wait in the admin queue');
    await toNobody.getByRole('button', { name: 'Move 3' }).click();
    await expect.poll(loads).toEqual(['Victor Volunteer 0 1 2 0 0']);
    await texters.screenshot({ path: join(OUTPUT, 'assignments-moved-desktop.png') });

    // Victor's name leads to his conversations in review; the admin queue holds Vera's three.
    await texters.getByRole('link', { name: 'Victor Volunteer' }).click();
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[1]!, ...victors));
    await admin.getByLabel('Texter').selectOption({ label: 'Nobody (admin queue)' });
    await expect.poll(() => rowNames(admin)).toEqual(names(veras[0]!, veras[2]!, veras[3]!));
    expect(await admin.getByTestId('review-row').first().textContent()).toContain('Nobody');
  });
});
