import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@textbank/event-store';
import { memberWith, type Member } from '../testing/people.spec-helpers.js';
import { send, startWithLaunchedCampaign } from '../testing/texting.spec-helpers.js';
import { testClock, type TestApp } from '../testing/test-app.spec-helpers.js';

describe('texting: hand-out, first texts, conversations', () => {
  let app: TestApp;
  let owner: Member;
  let volunteer: Member;
  let http: ReturnType<typeof request>;
  let campaignId: string;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    ({ app, http, owner, campaignId, clock } = await startWithLaunchedCampaign(30));
    volunteer = await memberWith(app, owner, 'volunteer');
  });
  afterEach(async () => app.close());

  const next = async (member: Member) => (await http.get(`/api/campaigns/${campaignId}/texting/next`).set('cookie', member.cookie).expect(200)).body.next;
  const thread = async (member: Member, contactId: string) => (await http.get(`/api/conversations/${contactId}`).set('cookie', member.cookie).expect(200)).body;

  it('a volunteer asks for contacts, sees the next one with the message rendered for them, sends it, and it is delivered', async () => {
    const asked = await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 5 }).expect(200);
    expect(asked.body.assigned).toBe(5);
    const first = await next(volunteer);
    expect(first).toMatchObject({ firstName: expect.stringMatching(/^First\d+$/), encoding: 'GSM-7', segments: 1, windowOpen: true, remaining: 5 });
    expect(first.body).toBe(`Hi ${first.firstName}, this is A with Riverside Tenants. Can we count on you Tuesday?`);
    const sent = await send(app, volunteer, campaignId, first.contactId).expect(201);
    await expect.poll(async () => (await thread(volunteer, first.contactId)).messages.map((m: { status: string }) => m.status), { timeout: 5000 }).toEqual(['delivered']);
    const view = await thread(volunteer, first.contactId);
    expect(view.messages[0]).toMatchObject({ messageId: sent.body.id, direction: 'out', body: first.body, texterId: volunteer.id });
    expect(view.conversation.status).toBe('waiting');
    expect((await next(volunteer)).remaining).toBe(4);
  });

  it('a double-clicked Send (same gesture, twice at once) sends one text; a second gesture for the same contact is refused', async () => {
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 1 }).expect(200);
    const { contactId } = await next(volunteer);
    const gesture = randomUUID();
    const [a, b] = await Promise.all([send(app, volunteer, campaignId, contactId, gesture), send(app, volunteer, campaignId, contactId, gesture)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const other = await send(app, volunteer, campaignId, contactId);
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/already had their first text/);
    await expect.poll(async () => (await thread(volunteer, contactId)).messages.length).toBe(1);
    const store = new SqliteEventStore({ path: app.config.eventStorePath });
    const sends = (await store.readAll()).filter((e) => e.type === 'InitialMessageSent');
    await store.close();
    expect(sends).toHaveLength(1);
  });

  it('refuses with a reason: no Idempotency-Key, not yours, outside texting hours, opted out, paused', async () => {
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 3 }).expect(200);
    const { contactId, phone } = await next(volunteer);
    const noKey = await http.post(`/api/campaigns/${campaignId}/texting/send`).set('cookie', volunteer.cookie).send({ contactId }).expect(400);
    expect(JSON.stringify(noKey.body)).toContain('Idempotency-Key');
    const notYours = await send(app, owner, campaignId, contactId).expect(403);
    expect(notYours.body.message).toMatch(/assigned to someone else/);

    clock.advance(8 * 3600_000); // 22:00 in New York
    expect((await send(app, volunteer, campaignId, contactId).expect(409)).body.message).toMatch(/Outside texting hours: 09:00-21:00 is not open in America\/New_York/);
    clock.advance(-8 * 3600_000);

    await http.post('/api/opt-outs').set('cookie', owner.cookie).send({ phone }).expect(201);
    expect((await send(app, volunteer, campaignId, contactId).expect(409)).body.message).toMatch(/opted out/);

    await http.post(`/api/campaigns/${campaignId}/pause`).set('cookie', owner.cookie).send({}).expect(200);
    const other = (await http.get(`/api/conversations?view=needs_first_text&campaignId=${campaignId}`).set('cookie', volunteer.cookie).expect(200)).body.conversations.find((c: { phone: string }) => c.phone !== phone);
    expect((await send(app, volunteer, campaignId, other.contactId).expect(409)).body.message).toMatch(/paused/);
  });

  it('replies arrive on the conversation live in the read model; STOP opts the number out and closes it; the owner answers', async () => {
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 2 }).expect(200);
    const first = await next(volunteer);
    await send(app, volunteer, campaignId, first.contactId).expect(201);
    await expect.poll(async () => (await thread(volunteer, first.contactId)).messages[0].status, { timeout: 5000 }).toBe('delivered');
    const reply = await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: first.phone, body: 'Who is this?' }).expect(201);
    expect(reply.body.contactId).toBe(first.contactId);
    await expect.poll(async () => (await thread(volunteer, first.contactId)).conversation.status).toBe('needs_reply');
    const needs = (await http.get('/api/conversations?view=needs_reply').set('cookie', volunteer.cookie).expect(200)).body;
    expect(needs.conversations.map((c: { contactId: string }) => c.contactId)).toEqual([first.contactId]);

    await http.post(`/api/conversations/${first.contactId}/replies`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ body: "It's A from Riverside Tenants!" }).expect(201);
    await expect.poll(async () => (await thread(volunteer, first.contactId)).messages.map((m: { direction: string }) => m.direction)).toEqual(['out', 'in', 'out']);

    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: first.phone, body: ' Stop. ' }).expect(201);
    await expect.poll(async () => (await thread(volunteer, first.contactId)).conversation.status).toBe('opted_out');
    const optOuts = (await http.get(`/api/opt-outs?search=${encodeURIComponent(first.phone.slice(2))}`).set('cookie', owner.cookie).expect(200)).body;
    expect(optOuts.total).toBe(1);
    const blocked = await http.post(`/api/conversations/${first.contactId}/replies`).set('cookie', volunteer.cookie).send({ body: 'One more thing' }).expect(409);
    expect(blocked.body.message).toMatch(/opted out/);
  });

  it('an admin reassigns a conversation: it moves between inboxes and only the new owner may answer', async () => {
    const other = await memberWith(app, owner, 'volunteer');
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 1 }).expect(200);
    const first = await next(volunteer);
    await send(app, volunteer, campaignId, first.contactId).expect(201);
    await http.post(`/api/campaigns/${campaignId}/assignments/reassign`).set('cookie', owner.cookie).send({ contactIds: [first.contactId], toTexterId: other.id }).expect(200);
    const inbox = async (member: Member) => (await http.get('/api/conversations').set('cookie', member.cookie).expect(200)).body.conversations.map((c: { contactId: string }) => c.contactId);
    expect(await inbox(volunteer)).toEqual([]);
    expect(await inbox(other)).toEqual([first.contactId]);
    await http.get(`/api/conversations/${first.contactId}`).set('cookie', volunteer.cookie).expect(404);
    const summary = (await http.get(`/api/campaigns/${campaignId}/assignments`).set('cookie', owner.cookie).expect(200)).body;
    expect(summary.texters).toEqual([expect.objectContaining({ texterId: other.id, waiting: 1 })]);
    expect(summary.unassigned).toBe(29);
    // Volunteers may not move work.
    await http.post(`/api/campaigns/${campaignId}/assignments/reassign`).set('cookie', other.cookie).send({ contactIds: [first.contactId], toTexterId: volunteer.id }).expect(403);
  });

  it('holds at most a batch untexted; release gives the rest back to the pool', async () => {
    const one = await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 1000 }).expect(400);
    expect(JSON.stringify(one.body)).toMatch(/count/);
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 30 }).expect(200);
    expect((await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 1 }).expect(410)).body.message).toMatch(/handed out/);
    await http.post(`/api/campaigns/${campaignId}/texting/release`).set('cookie', volunteer.cookie).send({}).expect(200);
    expect(await next(volunteer)).toBeNull();
    expect((await http.get(`/api/campaigns/${campaignId}/assignments`).set('cookie', owner.cookie).expect(200)).body.unassigned).toBe(30);
  });

  it('a text from an unknown number waits in the staff queue (once, however often the provider retries); STOP from it still opts it out', async () => {
    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: '(646) 555-0199', body: 'Who gave you my number?' }).expect(201);
    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: '(646) 555-0199', body: 'STOP' }).expect(201);
    const queue = async () => (await http.get('/api/unmatched-replies').set('cookie', owner.cookie).expect(200)).body;
    await expect.poll(async () => (await queue()).total).toBe(2);
    expect((await queue()).replies.map((r: { body: string; kind: string }) => [r.body, r.kind])).toEqual([['STOP', 'opt_out'], ['Who gave you my number?', 'possible_opt_out']]);
    expect((await http.get('/api/opt-outs?search=6465550199').set('cookie', owner.cookie).expect(200)).body.total).toBe(1);
    await http.get('/api/unmatched-replies').set('cookie', volunteer.cookie).expect(403);
  });

  it('the texter opts a contact out by hand from the conversation; staff review finds it; others may not', async () => {
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 1 }).expect(200);
    const first = await next(volunteer);
    await send(app, volunteer, campaignId, first.contactId).expect(201);
    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: first.phone, body: 'wrong number' }).expect(201);
    await expect.poll(async () => (await thread(volunteer, first.contactId)).conversation.possibleOptOut).toBe('wrong number');
    const stranger = await memberWith(app, owner, 'volunteer');
    await http.post(`/api/conversations/${first.contactId}/opt-out`).set('cookie', stranger.cookie).send({}).expect(404);
    await http.post(`/api/conversations/${first.contactId}/opt-out`).set('cookie', volunteer.cookie).send({}).expect(201);
    expect((await thread(volunteer, first.contactId)).conversation.status).toBe('opted_out');
    const review = (await http.get(`/api/campaigns/${campaignId}/conversations?view=closed`).set('cookie', owner.cookie).expect(200)).body;
    expect(review.conversations.map((c: { contactId: string }) => c.contactId)).toEqual([first.contactId]);
    await http.get(`/api/campaigns/${campaignId}/conversations`).set('cookie', volunteer.cookie).expect(403);
  });

  it('a hand opt-out with a confirmation: it goes out once, to the now opted-out number, even pressed twice at once; after a STOP none goes', async () => {
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', volunteer.cookie).send({ count: 2 }).expect(200);
    const first = await next(volunteer);
    await send(app, volunteer, campaignId, first.contactId).expect(201);
    const second = await next(volunteer);
    await send(app, volunteer, campaignId, second.contactId).expect(201);
    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: first.phone, body: 'please remove me' }).expect(201);
    const optOut = (key: string, confirmation = 'Done: no more texts from us.') =>
      http.post(`/api/conversations/${first.contactId}/opt-out`).set('cookie', volunteer.cookie).set('Idempotency-Key', key).send({ confirmation });
    const key = randomUUID();
    const [one, two] = await Promise.all([optOut(key), optOut(key)]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect([one.body.confirmationSent, two.body.confirmationSent]).toContain(true);
    await expect
      .poll(async () => (await thread(volunteer, first.contactId)).messages.filter((m: { direction: string }) => m.direction === 'out').map((m: { body: string; status: string }) => [m.body, m.status]), { timeout: 5000 })
      .toEqual([[first.body, 'delivered'], ['Done: no more texts from us.', 'delivered']]);
    expect((await thread(volunteer, first.contactId)).conversation.status).toBe('opted_out');
    // A new press: the number is already out, so nothing more is sent; an ordinary reply stays refused.
    expect((await optOut(randomUUID(), 'Really, no more.').expect(201)).body.confirmationSent).toBe(false);
    await http.post(`/api/conversations/${first.contactId}/replies`).set('cookie', volunteer.cookie).set('Idempotency-Key', randomUUID()).send({ body: 'Sorry!' }).expect(409);

    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: second.phone, body: 'STOP' }).expect(201);
    await expect.poll(async () => (await thread(volunteer, second.contactId)).conversation.status).toBe('opted_out');
    const afterStop = await http.post(`/api/conversations/${second.contactId}/opt-out`).set('cookie', volunteer.cookie).send({ confirmation: 'Done.' }).expect(201);
    expect(afterStop.body.confirmationSent).toBe(false);
    await http.post(`/api/conversations/${second.contactId}/opt-out`).set('cookie', volunteer.cookie).send({ confirmation: ' ' }).expect(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await thread(volunteer, first.contactId)).messages.filter((m: { direction: string }) => m.direction === 'out')).toHaveLength(2);
    expect((await thread(volunteer, second.contactId)).messages.filter((m: { direction: string }) => m.direction === 'out')).toHaveLength(1);
  });
});
