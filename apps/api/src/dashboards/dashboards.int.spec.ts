import type { CampaignDashboard, DashboardFollowReply, DashboardPush, SocketSendReply, VolunteerHome } from '@textbank/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { memberWith } from '../testing/people.spec-helpers.js';
import { liveTexting } from '../testing/texting.spec-helpers.js';
import { PUSH_INTERVAL_MS } from './dashboard.gateway.js';

const follow = (socket: Socket, body: object) => new Promise<DashboardFollowReply>((resolve) => socket.emit('dashboard:follow', body, resolve));
const socketSend = (socket: Socket, body: object) => new Promise<SocketSendReply>((resolve) => socket.emit('texting:send', body, resolve));

describe('dashboards', () => {
  const live = liveTexting();

  it('serves the campaign dashboard and the overview to staff and auditors only, a home to anyone, and names what was wrong', async () => {
    const auditor = await memberWith(live.app, live.owner, 'auditor');
    await live.http.get(`/api/campaigns/${live.campaignId}/dashboard`).set('cookie', live.volunteer.cookie).expect(403);
    await live.http.get('/api/dashboard/overview').set('cookie', live.volunteer.cookie).expect(403);
    await live.http.get('/api/dashboard/overview').expect(401);
    const dashboard = (await live.http.get(`/api/campaigns/${live.campaignId}/dashboard`).set('cookie', auditor.cookie).expect(200)).body as CampaignDashboard;
    expect(dashboard.counters).toEqual({ contacts: 10, needsFirstText: 10, texted: 0, replied: 0, optedOut: 0, unreachable: 0, failed: 0 });
    expect(dashboard.rates).toEqual({ delivery: null, reply: null });
    const overview = (await live.http.get('/api/dashboard/overview').set('cookie', live.owner.cookie).expect(200)).body;
    expect(overview.campaigns).toEqual([expect.objectContaining({ campaignId: live.campaignId, contacts: 10, texted: 0, alarm: false })]);
    expect((await live.http.get(`/api/campaigns/${live.campaignId}/dashboard?hours=99`).set('cookie', live.owner.cookie).expect(400)).body.message).toMatch(/hours/);
    await live.http.get(`/api/campaigns/${randomUUID()}/dashboard`).set('cookie', live.owner.cookie).expect(404);
    expect((await live.http.get('/api/me/home?since=yesterday').set('cookie', live.volunteer.cookie).expect(400)).body.message).toMatch(/since/);
    expect((await live.http.get('/api/me/home').set('cookie', live.volunteer.cookie).expect(200)).body).toMatchObject({ campaigns: [], repliesWaiting: 0, today: { firstTexts: 0, replies: 0 } });
  });

  it('pushes the dashboard and the texter home live as texts go out, are delivered and answered, paced, matching the API', async () => {
    const admin = await live.open(live.owner);
    const mine = await live.open(live.volunteer);
    expect(await follow(mine, { topics: [`dashboard:${live.campaignId}`] })).toMatchObject({ ok: false, error: expect.stringContaining('may not follow') });
    expect(await follow(mine, { topics: [`home:${live.owner.id}`] })).toMatchObject({ ok: false });
    expect(await follow(admin, { topics: ['nonsense'] })).toMatchObject({ ok: false, error: expect.stringContaining('topics') });
    expect(await follow(admin, { topics: [`dashboard:${randomUUID()}`] })).toMatchObject({ ok: false, error: expect.stringContaining('No campaign') });
    const first = await follow(admin, { topics: [`dashboard:${live.campaignId}`, 'overview'] });
    expect(first.ok && first.views.map((v) => v.kind)).toEqual(['campaign', 'overview']);
    expect(await follow(mine, { topics: [`home:${live.volunteer.id}`] })).toMatchObject({ ok: true });
    const heard: Array<{ push: DashboardPush; at: number }> = [];
    const homes: VolunteerHome[] = [];
    admin.on('dashboard', (push: DashboardPush) => heard.push({ push, at: performance.now() }));
    mine.on('dashboard', (push: DashboardPush) => push.kind === 'home' && homes.push(push.view));
    const latest = () => heard.filter((h) => h.push.kind === 'campaign').at(-1)?.push.view as CampaignDashboard | undefined;

    await live.http.post(`/api/campaigns/${live.campaignId}/texting/request`).set('cookie', live.volunteer.cookie).send({ count: 3 }).expect(200);
    for (let i = 0; i < 3; i++) {
      const next = (await live.http.get(`/api/campaigns/${live.campaignId}/texting/next`).set('cookie', live.volunteer.cookie).expect(200)).body.next;
      expect(await socketSend(mine, { campaignId: live.campaignId, contactId: next.contactId, gestureId: randomUUID() })).toMatchObject({ ok: true });
      if (i === 0) await live.http.post('/api/sandbox/phone/reply').set('cookie', live.owner.cookie).send({ from: next.phone, body: 'Who is this?' }).expect(201);
    }
    await expect.poll(() => latest()?.messages.delivered, { timeout: 5000 }).toBe(3);
    await expect.poll(() => latest()?.counters.replied).toBe(1);
    const pushed = latest()!;
    expect(pushed.counters).toMatchObject({ contacts: 10, needsFirstText: 7, texted: 3, replied: 1 });
    expect(pushed.rates).toEqual({ delivery: 1, reply: 1 / 3 });
    expect(pushed.minutes.reduce((n, m) => n + m.sent, 0)).toBe(3);
    expect(pushed.texters).toEqual([expect.objectContaining({ texterId: live.volunteer.id, sent: 3, repliesWaiting: 1, online: true })]);
    // What was pushed last is what the API answers now.
    const { at: _a, ...fromApi } = (await live.http.get(`/api/campaigns/${live.campaignId}/dashboard`).set('cookie', live.owner.cookie).expect(200)).body as CampaignDashboard;
    const { at: _b, ...fromPush } = pushed;
    expect(fromPush).toEqual(fromApi);
    await expect.poll(() => homes.at(-1)?.repliesWaiting).toBe(1);
    expect(homes.at(-1)).toMatchObject({ campaigns: [expect.objectContaining({ campaignId: live.campaignId, needsReply: 1 })], today: { firstTexts: 3, replies: 0 } });
    // Paced: one room hears at most one update per interval.
    const times = heard.filter((h) => h.push.kind === 'campaign').map((h) => h.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThan(PUSH_INTERVAL_MS - 50);
  });
});
