import type { Change, SurveyQuestion } from '@textbank/contracts';
import { io } from 'socket.io-client';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberWith, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

describe("a campaign's survey and tags over HTTP", () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  let campaignId: string;
  let yes: string;
  let no: string;
  beforeEach(async () => {
    app = await startTestApp();
    owner = await ownerOf(app);
    http = request(app.app.getHttpServer());
    campaignId = (await http.post('/api/campaigns').set('cookie', owner.cookie).send({ name: 'GOTV' }).expect(201)).body.id;
    yes = (await http.post('/api/tags').set('cookie', owner.cookie).send({ name: 'Voting', colour: 'green' }).expect(201)).body.id;
    no = (await http.post('/api/tags').set('cookie', owner.cookie).send({ name: 'Not voting', colour: 'red' }).expect(201)).body.id;
  });
  afterEach(async () => app.close());

  const survey = async () => (await http.get(`/api/campaigns/${campaignId}/survey`).set('cookie', owner.cookie).expect(200)).body;
  const putSurvey = (body: object, as: Member = owner) => http.put(`/api/campaigns/${campaignId}/survey`).set('cookie', as.cookie).send(body);
  const putTags = (body: object, as: Member = owner) => http.put(`/api/campaigns/${campaignId}/tags`).set('cookie', as.cookie).send(body);
  const tree = (): SurveyQuestion[] => [
    {
      id: 'vote',
      text: 'Will you vote on Tuesday?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'when', tagId: yes, cannedResponseId: '0195f5a0-0000-7000-8000-00000000c0de' },
        { id: 'maybe', label: 'Maybe', next: 'when' },
        { id: 'no', label: 'No', tagId: no },
      ],
    },
    { id: 'when', text: 'Early or on the day?', answers: [{ id: 'early', label: 'Early' }, { id: 'day', label: 'On the day' }] },
  ];

  it('chooses tags, saves version 1 and 2 of a question tree, each read back', async () => {
    expect(await survey()).toMatchObject({ campaignId, version: 0, questions: [], tagIds: [], revision: -1 });
    await putTags({ expectedRevision: -1, tagIds: [yes, no] }).expect(200);
    const tags = await http.get(`/api/campaigns/${campaignId}/tags`).set('cookie', owner.cookie).expect(200);
    expect(tags.body).toMatchObject({ tagIds: [yes, no], revision: 0, tags: [{ id: yes, name: 'Voting' }, { id: no, name: 'Not voting' }] });
    await putSurvey({ expectedRevision: 0, questions: tree() }).expect(200);
    expect(await survey()).toMatchObject({ version: 1, questions: tree(), revision: 1 });
    // The same tree again (a double click) is not a new version.
    await putSurvey({ expectedRevision: 1, questions: tree() }).expect(200);
    expect(await survey()).toMatchObject({ version: 1, revision: 1 });
    const shorter = tree().slice(0, 1).map((q) => ({ ...q, answers: q.answers.map(({ next: _next, ...a }) => a) }));
    await putSurvey({ expectedRevision: 1, questions: shorter }).expect(200);
    expect(await survey()).toMatchObject({ version: 2, questions: shorter, revision: 2 });
    // Every version stays in the log.
    const log = await http.get('/api/events?type=SurveyVersionSaved').set('cookie', owner.cookie).expect(200);
    expect(log.body.entries.map((e: { data: { version: number } }) => e.data.version)).toEqual([2, 1]);
  });

  it('a stale editor gets 409 and nothing changes', async () => {
    await putTags({ expectedRevision: -1, tagIds: [yes, no] }).expect(200);
    await putSurvey({ expectedRevision: 0, questions: tree() }).expect(200);
    const stale = await putSurvey({ expectedRevision: 0, questions: [] }).expect(409);
    expect(stale.body.issues).toEqual([expect.objectContaining({ path: 'expectedRevision' })]);
    await putTags({ expectedRevision: 0, tagIds: [] }).expect(409);
    expect(await survey()).toMatchObject({ version: 1, revision: 1 });
  });

  it('refuses bad trees with 400 naming the field', async () => {
    await putTags({ expectedRevision: -1, tagIds: [yes] }).expect(200);
    const [vote, when] = tree();
    const cases: Array<[SurveyQuestion[] | unknown, string]> = [
      [[{ ...vote, text: '' }], 'questions.0.text'],
      [[{ ...vote, answers: [] }], 'questions.0.answers'],
      [[{ ...vote, id: 'no spaces' }], 'questions.0.id'],
      [[{ ...when, answers: [{ id: 'a', label: 'x', tagId: 'not-a-uuid' }] }], 'questions.0.answers.0.tagId'],
      [Array.from({ length: 51 }, (_, i) => ({ id: `q${i}`, text: 'Q', answers: [{ id: 'a', label: 'A' }] })), 'questions'],
      // Decided by the survey decider, on the stream:
      [[vote], 'questions.0.answers.0.next'],
      [[vote, when], 'questions.0.answers.2.tagId'],
      [[{ ...when, answers: [{ id: 'a', label: 'Early' }, { id: 'b', label: 'EARLY' }] }], 'questions.0.answers.1.label'],
      [[{ ...when, answers: [{ id: 'a', label: 'Again', next: 'vote' }] }, { ...vote, answers: [{ id: 'b', label: 'Back', next: 'when' }] }], 'questions.1.answers.0.next'],
      [Array.from({ length: 11 }, (_, i) => ({ id: `q${i}`, text: 'Q', answers: [{ id: 'a', label: 'A', ...(i < 10 && { next: `q${i + 1}` }) }] })), 'questions.0'],
    ];
    for (const [questions, field] of cases) {
      const response = await putSurvey({ expectedRevision: 0, questions }).expect(400);
      expect(response.body.issues.map((i: { path: string }) => i.path), field).toContain(field);
    }
    await putTags({ expectedRevision: 0, tagIds: ['0195f5a0-0000-7000-8000-00000000dead'] }).expect(400);
    await putTags({ expectedRevision: 0, tagIds: [yes, yes] }).expect(400);
    expect(await survey()).toMatchObject({ version: 0, revision: 0 });
  });

  it('a tag the survey applies cannot be dropped; an archived tag cannot be newly chosen; archived campaigns are closed', async () => {
    await putTags({ expectedRevision: -1, tagIds: [yes, no] }).expect(200);
    await putSurvey({ expectedRevision: 0, questions: tree() }).expect(200);
    const dropping = await putTags({ expectedRevision: 1, tagIds: [yes] }).expect(409);
    expect(dropping.body.message).toMatch(/“No” to “Will you vote on Tuesday\?” applies this tag/);
    const spare = (await http.post('/api/tags').set('cookie', owner.cookie).send({ name: 'Spare', colour: 'grey' }).expect(201)).body.id;
    await http.post(`/api/tags/${spare}/archive`).set('cookie', owner.cookie).send({}).expect(200);
    const archived = await putTags({ expectedRevision: 1, tagIds: [yes, no, spare] }).expect(400);
    expect(archived.body.issues).toEqual([expect.objectContaining({ path: 'tagIds.2' })]);
    await http.post(`/api/campaigns/${campaignId}/archive`).set('cookie', owner.cookie).send({}).expect(200);
    await putSurvey({ expectedRevision: 1, questions: [] }).expect(409);
    const ghost = '0195f5a0-0000-7000-8000-000000000000';
    await http.put(`/api/campaigns/${ghost}/survey`).set('cookie', owner.cookie).send({ expectedRevision: -1, questions: [] }).expect(404);
    await http.get(`/api/campaigns/${ghost}/survey`).set('cookie', owner.cookie).expect(404);
  });

  it('auditors read, volunteers get 403', async () => {
    const auditor = await memberWith(app, owner, 'auditor');
    const volunteer = await memberWith(app, owner, 'volunteer');
    await http.get(`/api/campaigns/${campaignId}/survey`).set('cookie', auditor.cookie).expect(200);
    await http.get(`/api/campaigns/${campaignId}/tags`).set('cookie', auditor.cookie).expect(200);
    await putSurvey({ expectedRevision: -1, questions: [] }, auditor).expect(403);
    await http.get(`/api/campaigns/${campaignId}/survey`).set('cookie', volunteer.cookie).expect(403);
    await putSurvey({ expectedRevision: -1, questions: [] }, volunteer).expect(403);
    await putTags({ expectedRevision: -1, tagIds: [] }, volunteer).expect(403);
  });

  it("a second admin following 'campaign:<id>' sees the new survey version live", async () => {
    const admin = await memberWith(app, owner, 'admin');
    const page = await http.get(`/api/campaigns/${campaignId}/survey`).set('cookie', admin.cookie).expect(200);
    const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: admin.cookie }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const topic = `campaign:${campaignId}`;
      const reply = await new Promise<{ ok: boolean; changes: Change[] }>((resolve) => socket.emit('sync', { topics: [topic], since: page.body.position }, resolve));
      expect(reply).toMatchObject({ ok: true, changes: [] });
      const received: Change[] = [];
      socket.on('change', (change: Change) => received.push(change));
      await putTags({ expectedRevision: -1, tagIds: [yes, no] }).expect(200);
      await putSurvey({ expectedRevision: 0, questions: tree() }).expect(200);
      await expect.poll(() => received.map((c) => [c.topic, c.kind, c.kind === 'survey.upserted' && c.payload.version])).toEqual([
        [topic, 'survey.upserted', 0],
        [topic, 'survey.upserted', 1],
      ]);
      // A reconnecting page replays the latest state once.
      const again = await new Promise<{ changes: Change[] }>((resolve) => socket.emit('sync', { topics: [topic], since: page.body.position }, resolve));
      expect(again.changes.filter((c) => c.kind === 'survey.upserted').map((c) => c.kind === 'survey.upserted' && c.payload.questions.length)).toEqual([2]);
    } finally {
      socket.disconnect();
    }
  });
});
