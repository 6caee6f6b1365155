import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@textbank/event-store';
import { memberWith, type Member } from '../testing/people.spec-helpers.js';
import { send, startWithLaunchedCampaign } from '../testing/texting.spec-helpers.js';
import type { TestApp } from '../testing/test-app.spec-helpers.js';

describe('conversations: survey answers, tags, closing, review filters, moving work', () => {
  let app: TestApp;
  let owner: Member;
  let ana: Member;
  let ben: Member;
  let http: ReturnType<typeof request>;
  let campaignId: string;
  let voting: string;
  let ride: string;
  let other: string;
  beforeEach(async () => {
    ({ app, http, owner, campaignId } = await startWithLaunchedCampaign(20));
    ana = await memberWith(app, owner, 'volunteer');
    ben = await memberWith(app, owner, 'volunteer');
    const tag = async (name: string, colour: string) => (await http.post('/api/tags').set('cookie', owner.cookie).send({ name, colour }).expect(201)).body.id as string;
    voting = await tag('Voting', 'green');
    ride = await tag('Needs a ride', 'blue');
    other = await tag('Not offered here', 'red');
    await http.put(`/api/campaigns/${campaignId}/tags`).set('cookie', owner.cookie).send({ expectedRevision: -1, tagIds: [voting, ride] }).expect(200);
    const questions = [
      { id: 'vote', text: 'Will you vote on Tuesday?', answers: [{ id: 'yes', label: 'Yes', next: 'how', tagId: voting }, { id: 'no', label: 'No' }] },
      { id: 'how', text: 'How will you get there?', answers: [{ id: 'drive', label: 'Drive' }, { id: 'lift', label: 'Need a lift', tagId: ride }] },
    ];
    await http.put(`/api/campaigns/${campaignId}/survey`).set('cookie', owner.cookie).send({ expectedRevision: 0, questions }).expect(200);
  });
  afterEach(async () => app.close());

  const thread = async (member: Member, contactId: string) => (await http.get(`/api/conversations/${contactId}`).set('cookie', member.cookie).expect(200)).body.conversation;
  /** `count` contacts for `member`, each texted; their ids. */
  const texted = async (member: Member, count: number): Promise<Array<{ contactId: string; phone: string }>> => {
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', member.cookie).send({ count }).expect(200);
    const mine = (await http.get(`/api/conversations?view=needs_first_text&campaignId=${campaignId}`).set('cookie', member.cookie).expect(200)).body.conversations;
    for (const c of mine) await send(app, member, campaignId, c.contactId).expect(201);
    return mine;
  };
  const answer = (member: Member, contactId: string, questionId: string, answerId: string | null) =>
    http.post(`/api/conversations/${contactId}/answers`).set('cookie', member.cookie).send({ questionId, answerId });
  const tag = (member: Member, contactId: string, tagId: string, applied = true) => http.post(`/api/conversations/${contactId}/tags`).set('cookie', member.cookie).send({ tagId, applied });
  const review = async (query: string) =>
    (await http.get(`/api/campaigns/${campaignId}/conversations?${query}`).set('cookie', owner.cookie).expect(200)).body.conversations.map((c: { contactId: string }) => c.contactId).sort();

  it("a volunteer reads the campaign's kit: name, hours, canned responses, survey and offered tags; a draft stays hidden", async () => {
    await http.post(`/api/campaigns/${campaignId}/responses`).set('cookie', owner.cookie).send({ title: 'Ride', body: 'We can drive you, {firstName}!' }).expect(201);
    const kit = (await http.get(`/api/campaigns/${campaignId}/texting/kit`).set('cookie', ana.cookie).expect(200)).body;
    expect(kit).toMatchObject({ campaignId, name: 'Ward 3 GOTV', status: 'active', textingHours: { start: '09:00', end: '21:00' }, survey: { version: 1 } });
    expect(kit.responses.map((r: { title: string }) => r.title)).toEqual(['Ride']);
    expect(kit.survey.questions.map((q: { id: string }) => q.id)).toEqual(['vote', 'how']);
    expect(kit.tags.map((t: { id: string }) => t.id)).toEqual([voting, ride]);
    const draft = (await http.post('/api/campaigns').set('cookie', owner.cookie).send({ name: 'Secret plan' }).expect(201)).body.id;
    await http.get(`/api/campaigns/${draft}/texting/kit`).set('cookie', ana.cookie).expect(404);
    await http.get(`/api/campaigns/${draft}/texting/kit`).set('cookie', owner.cookie).expect(200);
  });

  it("records answers (the answer's tag comes with it), changes and clears them; the thread and the live review show them", async () => {
    const [first] = await texted(ana, 1);
    const { contactId } = first!;
    await answer(ana, contactId, 'vote', 'yes').expect(200);
    expect(await thread(ana, contactId)).toMatchObject({ answers: [{ questionId: 'vote', answerId: 'yes' }], tags: [voting] });
    await answer(ana, contactId, 'how', 'lift').expect(200);
    expect((await thread(ana, contactId)).tags).toEqual([voting, ride]);
    await answer(ana, contactId, 'vote', 'no').expect(200);
    await answer(ana, contactId, 'how', null).expect(200);
    // Changing an answer keeps the tags put on by hand or by earlier answers: the texter takes one off deliberately.
    expect(await thread(ana, contactId)).toMatchObject({ answers: [{ questionId: 'vote', answerId: 'no' }], tags: [voting, ride] });
    await tag(ana, contactId, ride, false).expect(200);
    expect((await thread(ana, contactId)).tags).toEqual([voting]);

    const store = new SqliteEventStore({ path: app.config.eventStorePath });
    const events = (await store.readStream(`conversation-${contactId}`)).map((e) => e.type).filter((t) => !t.startsWith('Message'));
    await store.close();
    expect(events).toEqual(['SurveyAnswerRecorded', 'ConversationTagged', 'SurveyAnswerRecorded', 'ConversationTagged', 'SurveyAnswerRecorded', 'SurveyAnswerCleared', 'ConversationUntagged']);
  });

  it('refuses, with the field: an unknown question or answer, a tag the campaign does not offer, someone else’s conversation, before the first text', async () => {
    const [first] = await texted(ana, 1);
    const { contactId } = first!;
    expect((await answer(ana, contactId, 'shoe-size', 'nine').expect(400)).body.issues).toEqual([expect.objectContaining({ path: 'questionId' })]);
    expect((await answer(ana, contactId, 'vote', 'perhaps').expect(400)).body.message).toMatch(/“Will you vote on Tuesday\?” has no such answer/);
    expect((await tag(ana, contactId, other).expect(400)).body.issues).toEqual([expect.objectContaining({ path: 'tagId' })]);
    await answer(ben, contactId, 'vote', 'yes').expect(404);
    await tag(ben, contactId, voting).expect(404);
    await http.post(`/api/conversations/${contactId}/close`).set('cookie', ben.cookie).send({}).expect(404);
    await http.post(`/api/conversations/${contactId}/answers`).set('cookie', ana.cookie).send({ questionId: 'vote' }).expect(400);
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', ben.cookie).send({ count: 1 }).expect(200);
    const untexted = (await http.get('/api/conversations?view=needs_first_text').set('cookie', ben.cookie).expect(200)).body.conversations[0].contactId;
    expect((await answer(ben, untexted, 'vote', 'yes').expect(409)).body.message).toMatch(/first text/);
    // Staff may fix the record from review.
    await tag(owner, contactId, voting).expect(200);
    expect((await thread(ana, contactId)).tags).toEqual([voting]);
  });

  it('once a conversation is reassigned, its former texter can no longer record answers; the new one can', async () => {
    const [first] = await texted(ana, 1);
    const { contactId } = first!;
    await http.post(`/api/campaigns/${campaignId}/assignments/reassign`).set('cookie', owner.cookie).send({ contactIds: [contactId], toTexterId: ben.id }).expect(200);
    await answer(ana, contactId, 'vote', 'yes').expect(404);
    await answer(ben, contactId, 'vote', 'yes').expect(200);
  });

  it('closing takes a conversation off "needs reply" until the contact writes again', async () => {
    const [first] = await texted(ana, 1);
    const { contactId, phone } = first!;
    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: phone, body: 'Thanks, see you there!' }).expect(201);
    await expect.poll(async () => (await thread(ana, contactId)).status).toBe('needs_reply');
    await http.post(`/api/conversations/${contactId}/close`).set('cookie', ana.cookie).send({}).expect(200);
    expect((await thread(ana, contactId)).status).toBe('closed');
    const inbox = async (view: string) => (await http.get(`/api/conversations?view=${view}`).set('cookie', ana.cookie).expect(200)).body.total;
    expect([await inbox('needs_reply'), await inbox('closed')]).toEqual([0, 1]);
    expect((await http.get(`/api/campaigns/${campaignId}/assignments`).set('cookie', owner.cookie).expect(200)).body.texters).toEqual([expect.objectContaining({ texterId: ana.id, needsReply: 0, closed: 1 })]);
    await http.post('/api/sandbox/phone/reply').set('cookie', owner.cookie).send({ from: phone, body: 'Oh, one more thing' }).expect(201);
    await expect.poll(async () => (await thread(ana, contactId)).status).toBe('needs_reply');
  });

  it('message review filters by tag, survey answer, error code, status and texter', async () => {
    const mine = await texted(ana, 3);
    const [a, b, c] = mine.map((m) => m.contactId) as [string, string, string];
    const bens = await texted(ben, 1);
    await answer(ana, a, 'vote', 'yes').expect(200);
    await answer(ana, b, 'vote', 'no').expect(200);
    await tag(ana, c, ride).expect(200);
    await http.post(`/api/conversations/${c}/close`).set('cookie', ana.cookie).send({}).expect(200);
    expect(await review(`tagId=${voting}`)).toEqual([a]);
    expect(await review(`tagId=${ride}`)).toEqual([c]);
    expect(await review('questionId=vote&answerId=no')).toEqual([b]);
    expect(await review('view=closed')).toEqual([c]);
    expect(await review(`texterId=${ben.id}`)).toEqual([bens[0]!.contactId]);
    expect(await review('errorCode=30007')).toEqual([]);
    expect((await http.get(`/api/campaigns/${campaignId}/conversations?questionId=vote`).set('cookie', owner.cookie).expect(400)).body.issues).toEqual([expect.objectContaining({ path: 'answerId' })]);
    await http.get(`/api/campaigns/${campaignId}/conversations?view=bogus`).set('cookie', owner.cookie).expect(400);
  });

  it("moves a texter's conversations by status and tag, previewing the count first; only staff may", async () => {
    const mine = await texted(ana, 4);
    await tag(ana, mine[0]!.contactId, voting).expect(200);
    await tag(ana, mine[1]!.contactId, voting).expect(200);
    await http.post(`/api/campaigns/${campaignId}/texting/request`).set('cookie', ana.cookie).send({ count: 2 }).expect(200);
    const move = (body: object, as: Member = owner) => http.post(`/api/campaigns/${campaignId}/assignments/move`).set('cookie', as.cookie).send({ fromTexterId: ana.id, ...body });
    expect((await move({ tagId: voting, toTexterId: ben.id, preview: true }).expect(200)).body).toMatchObject({ matched: 2, moved: 0 });
    expect((await http.get(`/api/conversations?texterId=${ana.id}`).set('cookie', owner.cookie).expect(200)).body.total).toBe(6);
    await move({ tagId: voting, toTexterId: ben.id }, ben).expect(403);
    expect((await move({ tagId: voting, toTexterId: ben.id }).expect(200)).body).toMatchObject({ matched: 2, moved: 2 });
    expect((await http.get(`/api/conversations?tagId=${voting}`).set('cookie', ben.cookie).expect(200)).body.total).toBe(2);
    // Her untexted ones back to the pool; her texted ones (waiting) to nobody: the admin queue.
    expect((await move({ view: 'needs_first_text', toTexterId: null }).expect(200)).body).toMatchObject({ matched: 2, moved: 2 });
    expect((await move({ view: 'waiting', toTexterId: null }).expect(200)).body).toMatchObject({ matched: 2, moved: 2 });
    expect(await review('texterId=none')).toEqual([mine[2]!.contactId, mine[3]!.contactId].sort());
    expect((await http.get(`/api/campaigns/${campaignId}/assignments`).set('cookie', owner.cookie).expect(200)).body.unassigned).toBe(16);
    expect((await move({ toTexterId: ben.id }).expect(200)).body).toMatchObject({ matched: 0, moved: 0 });
    await move({ toTexterId: randomUUID() }).expect(404);
  });
});
