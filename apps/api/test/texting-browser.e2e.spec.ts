import { randomUUID } from 'node:crypto';
import { devices, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiProcess } from './api-process.js';
import { snap } from './browser-harness.js';
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
let veraPhone: Page;
let victorPhone: Page;
let campaignId: string;

interface Conversation {
  contactId: string;
  phone: string;
  firstName: string;
  status: string;
  texterId: string | null;
}

const conversationsOf = async (member: Member, view = 'all') =>
  (await callApi<{ conversations: Conversation[] }>(api.url, member.cookie, 'GET', `/api/conversations?view=${view}&limit=200`)).conversations;

/** Texted so far by a volunteer: their conversations past the first text. */
const textedBy = async (member: Member) => (await conversationsOf(member)).filter((c) => c.status !== 'needs_first_text').length;

/** The Send button takes a press a moment after a new contact appears (a double press must not text someone unseen). */
async function readyToSend(page: Page) {
  await expect.poll(() => page.getByTestId('send').isEnabled(), { timeout: 10_000 }).toBe(true);
}

async function phoneFor(member: Member): Promise<Page> {
  const page = await (await harness.newContext({ ...devices['Pixel 7'] })).newPage();
  await signInIn(page, api.url, member.email, member.password);
  return page;
}

beforeAll(async () => {
  harness = await startTextingHarness('texting');
  api = harness.api;
  admin = await (await harness.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await createOrganizationIn(admin, api.url, founder);
  owner = await signInOverHttp(api.url, founder.email, founder.password);
  vera = await addMember(api.url, owner, { name: 'Vera Volunteer', email: 'vera@example.org', password: 'one text at a time' });
  victor = await addMember(api.url, owner, { name: 'Victor Volunteer', email: 'victor@example.org', password: 'phone bank saturday' });
  campaignId = await launchedCampaign(api.url, owner, 12, [
    { title: 'Thanks', body: 'Thank you {firstName}! See you Tuesday.' },
    { title: 'Where to vote', body: 'The vote is in the lobby, Tuesday 6-9pm.' },
  ]);
  // A survey whose "Yes" tags the conversation, opens a follow-up and suggests the "Where to vote" response.
  const { responses } = await callApi<{ responses: Array<{ responseId: string; title: string }> }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/responses`);
  const whereToVote = responses.find((r) => r.title === 'Where to vote')!.responseId;
  const voting = (await callApi<{ id: string }>(api.url, owner.cookie, 'POST', '/api/tags', { name: 'Voting', colour: 'green' })).id;
  const ride = (await callApi<{ id: string }>(api.url, owner.cookie, 'POST', '/api/tags', { name: 'Needs a ride', colour: 'blue' })).id;
  await callApi(api.url, owner.cookie, 'PUT', `/api/campaigns/${campaignId}/tags`, { expectedRevision: -1, tagIds: [voting, ride] });
  await callApi(api.url, owner.cookie, 'PUT', `/api/campaigns/${campaignId}/survey`, {
    expectedRevision: 0,
    questions: [
      { id: 'vote', text: 'Will you vote on Tuesday?', answers: [{ id: 'yes', label: 'Yes', next: 'ride', tagId: voting, cannedResponseId: whereToVote }, { id: 'no', label: 'No' }] },
      { id: 'ride', text: 'Do you need a ride?', answers: [{ id: 'ride-yes', label: 'Yes, a ride', tagId: ride }, { id: 'ride-no', label: 'No ride needed' }] },
    ],
  });
  veraPhone = await phoneFor(vera);
  victorPhone = await phoneFor(victor);
}, 120_000);
afterAll(async () => harness?.stop());

describe('texting in a real browser: two volunteers on phones and an organizer', () => {
  it('the organizer shares the texting link from the campaign page, which shows the pool and nobody texting yet', async () => {
    await admin.goto(`${api.url}/#/campaigns/${campaignId}`);
    const texters = admin.getByRole('region', { name: 'Texters', exact: true });
    await expect.poll(() => texters.getByTestId('pool-count').textContent()).toContain('12 contacts not handed out yet');
    expect(await texters.getByText('Nobody holds contacts in this campaign yet.').count()).toBe(1);
    expect(await texters.getByTestId('invite-link').textContent()).toBe(`${api.url}/#/campaigns/${campaignId}/text`);
  });

  it('a volunteer asks for contacts and sends each first text with Enter, one press per text; a double press sends once', async () => {
    const page = veraPhone;
    expect(await page.getByRole('region', { name: 'Texting' }).textContent()).toContain('Your organizer shares a texting link');
    await page.goto(`${api.url}/#/campaigns/${campaignId}/text`);
    await page.getByTestId('none-left').waitFor();
    await page.getByLabel('How many more?').fill('4');
    await page.getByRole('button', { name: 'Get 4 more' }).click();
    await page.getByTestId('next-contact').waitFor();
    expect(await page.getByTestId('message-body').textContent()).toMatch(/^Hi First\d+, this is Vera with Riverside Renters\. Can we count on your vote on Tuesday\?$/);
    expect(await page.getByTestId('segments').textContent()).toBe('1 segment · GSM-7');
    expect(await page.getByTestId('remaining').textContent()).toBe('4 left to text, this one included');
    // The browser's clock and the server's agree (see texting-in-browser.ts): 14:00 in New York.
    expect(await page.getByTestId('local-time').textContent()).toMatch(/^\s*2:0\d\sPM where they are · Eastern Time \(New York\)\s*$/);
    expect(await fitsWidth(page)).toBe(true);
    await readyToSend(page);
    await snap(page, 'texting-phone.png');

    // The keyboard only: the focus is on the page, then on Send after each text.
    const first = await page.getByTestId('contact-name').textContent();
    await readyToSend(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sent to First' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('remaining').textContent()).toBe('3 left to text, this one included');
    expect(await page.getByTestId('contact-name').textContent()).not.toBe(first);
    expect(await textedBy(vera)).toBe(1);

    // Two presses in quick succession: one text, and the second press does not land on the next contact.
    await readyToSend(page);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('remaining').textContent()).toBe('2 left to text, this one included');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await textedBy(vera)).toBe(2);
    expect(await page.getByTestId('remaining').textContent()).toBe('2 left to text, this one included');

    for (const left of ['1 left to text, this one included', null]) {
      await readyToSend(page);
      await page.keyboard.press('Enter');
      if (left) await expect.poll(() => page.getByTestId('remaining').textContent()).toBe(left);
    }
    await page.getByTestId('none-left').waitFor();
    expect(await textedBy(vera)).toBe(4);
    expect(await page.getByRole('button', { name: 'Get 50 more' }).count()).toBe(1);
  });

  it('the second volunteer is handed contacts by the organizer and texts them; the panel shows both loads', async () => {
    await victorPhone.goto(`${api.url}/#/campaigns/${campaignId}/text`);
    await victorPhone.getByTestId('none-left').waitFor();
    const texters = admin.getByRole('region', { name: 'Texters', exact: true });
    await texters.getByLabel('Assign contacts to').selectOption({ label: 'Victor Volunteer' });
    await texters.getByLabel('How many').fill('2');
    await texters.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => texters.getByTestId('pool-count').textContent()).toContain('6 contacts not handed out yet');
    // Handed over live: the waiting texting screen shows the first of them without a reload.
    await victorPhone.getByTestId('next-contact').waitFor({ timeout: 10_000 });
    for (let n = 0; n < 2; n++) {
      await readyToSend(victorPhone);
      await victorPhone.getByTestId('send').click();
      await expect.poll(async () => textedBy(victor)).toBe(n + 1);
    }
    await victorPhone.getByTestId('none-left').waitFor();
    await texters.getByRole('button', { name: 'Refresh' }).click();
    const loads = async () => (await texters.getByTestId('texter-load').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim()).sort();
    await expect.poll(loads).toEqual([expect.stringMatching(/^Vera Volunteer 0 0 4 0/), expect.stringMatching(/^Victor Volunteer 0 0 2 0/)]);
    await snap(admin, 'assignments-desktop.png');
  });

  it('a reply from the sandbox phone appears live in the volunteer’s inbox; they record the survey answer and send the reply it suggests', async () => {
    const page = veraPhone;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByTestId('inbox-empty').waitFor();
    const [maria] = (await conversationsOf(vera)).filter((c) => c.status === 'waiting').sort((a, b) => a.phone.localeCompare(b.phone));
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: maria!.phone, body: 'Yes, count me in! Where is it?' });

    // No reload: the reply arrives over the socket.
    const row = page.getByTestId('conversation').filter({ hasText: maria!.firstName });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Yes, count me in! Where is it?');
    await expect.poll(() => page.title()).toMatch(/^\(1\) Inbox/);
    await expect.poll(() => page.getByTestId('view-needs_reply').textContent()).toContain('(1)');
    expect(await fitsWidth(page)).toBe(true);
    await snap(page, 'inbox-phone.png');

    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `${maria!.firstName} Last${maria!.firstName.slice('First'.length)}` }).waitFor();
    const statuses = page.getByTestId('message-status');
    await expect.poll(() => statuses.allTextContents()).toEqual([expect.stringContaining('Delivered'), expect.stringContaining('Received')]);
    expect(await page.getByTestId('thread-campaign').textContent()).toBe('Tenant vote');
    // She records what they said: the answer's tag goes on, the follow-up question opens, and its reply is suggested.
    const survey = page.getByRole('region', { name: 'Survey' });
    await survey.getByRole('group', { name: 'Will you vote on Tuesday?' }).getByRole('button', { name: 'Yes' }).click();
    await survey.getByRole('group', { name: 'Do you need a ride?' }).waitFor({ timeout: 10_000 });
    const tags = page.getByRole('region', { name: 'Tags' });
    await expect.poll(() => tags.getByRole('button', { name: /Voting/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await tags.getByRole('button', { name: /Needs a ride/ }).getAttribute('aria-pressed')).toBe('false');
    const suggested = page.getByRole('group', { name: /Canned responses/ }).getByRole('button', { name: /Where to vote · suggested/ });
    await suggested.click();
    const box = page.getByLabel('Your reply');
    expect(await box.inputValue()).toBe('The vote is in the lobby, Tuesday 6-9pm.');
    await box.press('End');
    await box.pressSequentially(' See you there!');
    await expect.poll(() => page.getByTestId('reply-segments').textContent()).toBe('1 segment · GSM-7');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.getByTestId('message').count()).toBe(3);
    await expect.poll(() => statuses.nth(2).textContent(), { timeout: 10_000 }).toContain('Delivered');
    expect(await page.getByTestId('message').nth(2).textContent()).toContain('The vote is in the lobby, Tuesday 6-9pm. See you there!');
    expect(await page.getByTestId('thread-status').textContent()).toBe('Waiting for them');
    expect(await fitsWidth(page)).toBe(true);
    await snap(page, 'thread-phone.png');
  });

  it('STOP from the sandbox phone page closes the open thread live: "Opted out", and no reply box', async () => {
    const page = veraPhone;
    const [, stopper] = (await conversationsOf(vera)).filter((c) => c.status === 'waiting').sort((a, b) => a.phone.localeCompare(b.phone));
    await page.goto(`${api.url}/#/inbox/${stopper!.contactId}`);
    await page.getByLabel('Your reply').waitFor();

    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox phone' }).click();
    await admin.getByLabel('Phone number').fill(stopper!.phone);
    await admin.getByRole('button', { name: 'Show texts' }).click();
    await expect.poll(() => admin.getByTestId('phone-message').count()).toBe(1);
    expect(await admin.getByTestId('phone-message').textContent()).toContain(`Hi ${stopper!.firstName}, this is Vera`);
    await admin.getByLabel('Text back from this phone').fill('STOP');
    await admin.getByRole('button', { name: 'Send from this phone' }).click();
    await expect.poll(() => admin.getByTestId('phone-message').filter({ hasText: 'STOP' }).count()).toBe(1);
    await snap(admin, 'sandbox-phone-desktop.png');

    await page.getByTestId('opted-out').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('thread-status').textContent()).toBe('Opted out');
    expect(await page.getByLabel('Your reply').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send reply' }).count()).toBe(0);
    expect(await page.getByTestId('message-status').last().textContent()).toContain('asked to stop');
  });

  it('“remove me” flags the conversation for the volunteer, who may still answer, or opt the number out in one click, with a confirmation text', async () => {
    const page = veraPhone;
    const [, , flagged] = (await conversationsOf(vera)).filter((c) => c.status === 'waiting').sort((a, b) => a.phone.localeCompare(b.phone));
    await page.goto(`${api.url}/#/inbox/${flagged!.contactId}`);
    await page.getByLabel('Your reply').waitFor();
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: flagged!.phone, body: 'Please remove me from your list' });
    const warning = page.getByTestId('possible-opt-out');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toContain('Opt the number out if it is.');
    expect(await page.getByTestId('thread-status').textContent()).toBe('Needs reply');
    expect(await page.getByLabel('Your reply').count()).toBe(1);
    await warning.getByRole('button', { name: 'Opt out this number' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Send a confirmation text').isChecked()).toBe(true);
    await dialog.getByLabel(/^Confirmation/).fill('Removed. Sorry to bother you!');
    await snap(page, 'opt-out-confirmation-phone.png');
    await dialog.getByRole('button', { name: 'Opt out' }).click();
    await page.getByTestId('opted-out').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('thread-status').textContent()).toBe('Opted out');
    expect(await page.getByLabel('Your reply').count()).toBe(0);
    // The confirmation reaches the phone although the number is now opted out.
    await page.getByText('Removed. Sorry to bother you!').waitFor({ timeout: 10_000 });
    const confirmation = async () => {
      const texts = await callApi<{ messages: Array<{ body: string; status: string }> }>(api.url, owner.cookie, 'GET', `/api/sandbox/phone/${encodeURIComponent(flagged!.phone)}/messages`);
      return texts.messages.filter((m) => m.body === 'Removed. Sorry to bother you!').map((m) => m.status);
    };
    await expect.poll(confirmation, { timeout: 10_000 }).toEqual(['delivered']);
  });

  it('the organizer reassigns a conversation: it leaves one volunteer’s inbox and arrives in the other’s, live', async () => {
    const [maria] = (await conversationsOf(vera, 'all')).filter((c) => c.status === 'waiting').sort((a, b) => a.phone.localeCompare(b.phone));
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: maria!.phone, body: 'Can I bring my neighbour?' });
    await veraPhone.goto(`${api.url}/#/inbox`);
    await victorPhone.goto(`${api.url}/#/inbox`);
    const inVera = veraPhone.getByTestId('conversation').filter({ hasText: maria!.firstName });
    await inVera.waitFor({ timeout: 10_000 });
    await victorPhone.getByTestId('inbox-empty').waitFor();

    await admin.goto(`${api.url}/#/inbox/${maria!.contactId}`);
    await admin.getByText('Another texter holds this conversation').waitFor();
    await admin.getByLabel('Reassign to').selectOption({ label: 'Victor Volunteer' });
    await admin.getByRole('button', { name: 'Reassign' }).click();
    await admin.getByRole('status').filter({ hasText: 'Reassigned to Victor Volunteer.' }).waitFor();

    await expect.poll(() => inVera.count(), { timeout: 10_000 }).toBe(0);
    const inVictor = victorPhone.getByTestId('conversation').filter({ hasText: maria!.firstName });
    await inVictor.waitFor({ timeout: 10_000 });
    expect(await inVictor.textContent()).toContain('Can I bring my neighbour?');
    // Victor can answer; the history came with the conversation.
    await inVictor.getByRole('link').click();
    await expect.poll(() => victorPhone.getByTestId('message').count()).toBe(4);
    await victorPhone.getByLabel('Your reply').waitFor();
    expect((await conversationsOf(victor, 'needs_reply')).map((c) => c.phone)).toEqual([maria!.phone]);
    expect((await conversationsOf(vera, 'needs_reply')).map((c) => c.phone)).not.toContain(maria!.phone);
  });

  it('an organizer who texts too answers with a canned response, filled in for the contact and edited before sending', async () => {
    await callApi(api.url, owner.cookie, 'POST', `/api/campaigns/${campaignId}/texting/request`, { count: 1 });
    const { next } = await callApi<{ next: { contactId: string; phone: string; firstName: string } }>(api.url, owner.cookie, 'GET', `/api/campaigns/${campaignId}/texting/next`);
    const sent = await fetch(`${api.url}/api/campaigns/${campaignId}/texting/send`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ contactId: next.contactId }),
    });
    expect(sent.status).toBe(201);
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: next.phone, body: 'I will be there!' });

    await admin.goto(`${api.url}/#/inbox`);
    await admin.getByTestId('conversation').filter({ hasText: 'I will be there!' }).getByRole('link').click();
    await admin.getByRole('group', { name: /Canned responses/ }).getByRole('button', { name: 'Thanks' }).click();
    const box = admin.getByLabel('Your reply');
    expect(await box.inputValue()).toBe(`Thank you ${next.firstName}! See you Tuesday.`);
    await box.press('End');
    await box.pressSequentially(' Bring a neighbour!');
    await admin.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => admin.getByTestId('message').count()).toBe(3);
    expect(await admin.getByTestId('message').nth(2).textContent()).toContain(`Thank you ${next.firstName}! See you Tuesday. Bring a neighbour!`);
    await expect.poll(() => admin.getByTestId('message-status').nth(2).textContent(), { timeout: 10_000 }).toContain('Delivered');
    // Nothing more to say: closed, off "Needs reply" until they write again.
    await admin.getByTestId('close-conversation').click();
    await expect.poll(() => admin.getByTestId('thread-status').textContent()).toBe('Closed');
    await callApi(api.url, owner.cookie, 'POST', '/api/sandbox/phone/reply', { from: next.phone, body: 'Actually, what time?' });
    await expect.poll(() => admin.getByTestId('thread-status').textContent(), { timeout: 10_000 }).toBe('Needs reply');
  });
});
