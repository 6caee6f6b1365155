import type { Change, SocketSendReply } from '@textbank/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { memberWith } from '../testing/people.spec-helpers.js';
import { liveTexting } from '../testing/texting.spec-helpers.js';

const sync = (socket: Socket, topics: string[], since: string) =>
  new Promise<{ ok: boolean; changes?: Change[]; error?: string }>((resolve) => socket.emit('sync', { topics, since }, resolve));
const socketSend = (socket: Socket, body: object) => new Promise<SocketSendReply>((resolve) => socket.emit('texting:send', body, resolve));

describe('texting over the socket', () => {
  const live = liveTexting();

  it("a volunteer follows only their own conversations; a reply and a reassignment reach the right inboxes live", async () => {
    const other = await memberWith(live.app, live.owner, 'volunteer');
    const mine = await live.open(live.volunteer);
    const theirs = await live.open(other);
    expect(await sync(mine, [`texter:${other.id}`], '0')).toMatchObject({ ok: false, error: expect.stringContaining('may not follow') });
    expect(await sync(mine, ['campaigns'], '0')).toMatchObject({ ok: false });
    expect(await sync(mine, [`texter:${live.volunteer.id}`], '0')).toMatchObject({ ok: true, changes: [] });
    expect(await sync(theirs, [`texter:${other.id}`], '0')).toMatchObject({ ok: true });
    const heardByMe: Change[] = [];
    const heardByThem: Change[] = [];
    mine.on('change', (c: Change) => heardByMe.push(c));
    theirs.on('change', (c: Change) => heardByThem.push(c));

    await live.http.post(`/api/campaigns/${live.campaignId}/texting/request`).set('cookie', live.volunteer.cookie).send({ count: 2 }).expect(200);
    await expect.poll(() => heardByMe.length).toBe(2);
    const next = (await live.http.get(`/api/campaigns/${live.campaignId}/texting/next`).set('cookie', live.volunteer.cookie).expect(200)).body.next;

    const reply = await socketSend(mine, { campaignId: live.campaignId, contactId: next.contactId, gestureId: randomUUID() });
    expect(reply).toMatchObject({ ok: true, readable: true });
    await expect.poll(() => heardByMe.filter((c) => c.kind === 'conversation.changed' && c.payload.message?.status === 'delivered').length, { timeout: 5000 }).toBe(1);

    await live.http.post('/api/sandbox/phone/reply').set('cookie', live.owner.cookie).send({ from: next.phone, body: 'Yes! Count me in' }).expect(201);
    await expect.poll(() => heardByMe.some((c) => c.kind === 'conversation.changed' && c.payload.conversation.status === 'needs_reply' && c.payload.message?.body === 'Yes! Count me in')).toBe(true);

    await live.http.post(`/api/campaigns/${live.campaignId}/assignments/reassign`).set('cookie', live.owner.cookie).send({ contactIds: [next.contactId], toTexterId: other.id }).expect(200);
    await expect.poll(() => heardByThem.some((c) => c.kind === 'conversation.changed' && c.payload.conversation.contactId === next.contactId && c.payload.conversation.texterId === other.id)).toBe(true);
    // The one who lost it hears that it left (previousTexterId), so it leaves their inbox without a reload.
    await expect.poll(() => heardByMe.some((c) => c.kind === 'conversation.changed' && c.payload.previousTexterId === live.volunteer.id && c.payload.conversation.texterId === other.id)).toBe(true);
    expect(heardByThem.every((c) => c.topic === `texter:${other.id}`)).toBe(true);
  });

  it("message review follows a whole campaign, whoever texts: every texter's changes once each, replayed after a reconnect; not for volunteers", async () => {
    const other = await memberWith(live.app, live.owner, 'volunteer');
    const auditor = await memberWith(live.app, live.owner, 'auditor');
    expect(await sync(await live.open(live.volunteer), [`review:${live.campaignId}`], '0')).toMatchObject({ ok: false, error: expect.stringContaining('may not follow') });
    const review = await live.open(auditor);
    expect(await sync(review, [`review:${live.campaignId}`], '0')).toMatchObject({ ok: true, changes: [] });
    const heard: Change[] = [];
    review.on('change', (c: Change) => heard.push(c));

    await live.http.post(`/api/campaigns/${live.campaignId}/texting/request`).set('cookie', live.volunteer.cookie).send({ count: 2 }).expect(200);
    await live.http.post(`/api/campaigns/${live.campaignId}/texting/request`).set('cookie', other.cookie).send({ count: 3 }).expect(200);
    const contactsOf = (texterId: string) => new Set(heard.flatMap((c) => (c.kind === 'conversation.changed' && c.payload.conversation.texterId === texterId ? [c.payload.conversation.contactId] : [])));
    await expect.poll(() => [contactsOf(live.volunteer.id).size, contactsOf(other.id).size]).toEqual([2, 3]);
    const [first] = contactsOf(live.volunteer.id);
    // A move is one change for the review (not one per texter it concerns).
    const before = heard.length;
    await live.http.post(`/api/campaigns/${live.campaignId}/assignments/reassign`).set('cookie', live.owner.cookie).send({ contactIds: [first], toTexterId: other.id }).expect(200);
    await expect.poll(() => heard.length).toBe(before + 1);
    expect(heard.every((c) => c.topic === `review:${live.campaignId}`)).toBe(true);

    // Reconnecting from the position it had: the replay brings the campaign's conversations changed since, at their latest.
    const replayed = await sync(await live.open(auditor), [`review:${live.campaignId}`], heard[before - 1]!.position);
    expect(replayed.changes!.map((c) => c.kind === 'conversation.changed' && [c.payload.conversation.contactId, c.payload.conversation.texterId])).toEqual([[first, other.id]]);
  });

  it('a send over the socket follows the same rules: bad input, not yours, a double press', async () => {
    const socket = await live.open(live.volunteer);
    expect(await socketSend(socket, { campaignId: live.campaignId, contactId: 'x' })).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('gestureId') });
    expect(await socketSend(socket, { campaignId: live.campaignId, contactId: 'nobody', gestureId: randomUUID() })).toMatchObject({ ok: false, status: 404 });
    await live.http.post(`/api/campaigns/${live.campaignId}/texting/request`).set('cookie', live.volunteer.cookie).send({ count: 1 }).expect(200);
    const next = (await live.http.get(`/api/campaigns/${live.campaignId}/texting/next`).set('cookie', live.volunteer.cookie).expect(200)).body.next;
    const ownerSocket = await live.open(live.owner);
    expect(await socketSend(ownerSocket, { campaignId: live.campaignId, contactId: next.contactId, gestureId: randomUUID() })).toMatchObject({ ok: false, status: 403 });
    const gestureId = randomUUID();
    const [a, b] = await Promise.all([socketSend(socket, { campaignId: live.campaignId, contactId: next.contactId, gestureId }), socketSend(socket, { campaignId: live.campaignId, contactId: next.contactId, gestureId })]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    const thread = (await live.http.get(`/api/conversations/${next.contactId}`).set('cookie', live.volunteer.cookie).expect(200)).body;
    expect(thread.messages).toHaveLength(1);
  });
});
