import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newEventId } from '@textbank/event-store';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { memberWith, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { ManagePersonCommand } from './manage-person.command.js';
import { OWNER, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

/** Issue 6, item 1: an organization never loses its last owner, and first-run set-up never opens again. */
describe('the last owner', () => {
  let app: TestApp;
  let http: ReturnType<typeof request>;
  let founder: Member;
  beforeEach(async () => {
    app = await startTestApp();
    http = request(app.app.getHttpServer());
    founder = await ownerOf(app);
  });
  afterEach(() => app.close());

  const activeOwners = async () => {
    const list = await http.get('/api/people').set('cookie', founder.cookie).expect(200);
    return list.body.people.filter((p: { role: string; status: string }) => p.role === 'owner' && p.status === 'active').map((p: { id: string }) => p.id);
  };

  it('two owners demoting (or suspending) each other at the same moment: exactly one wins, 50 times over', async () => {
    const second = await memberWith(app, founder, 'admin');
    const owners = [founder, second];
    await http.patch(`/api/people/${second.id}/role`).set('cookie', founder.cookie).send({ role: 'owner' }).expect(200);
    for (let round = 0; round < 50; round++) {
      const [a, b] = round % 2 === 0 ? owners : [owners[1]!, owners[0]!];
      const act = (by: Member, on: Member) =>
        round % 4 < 2
          ? http.patch(`/api/people/${on.id}/role`).set('cookie', by.cookie).send({ role: 'admin' })
          : http.post(`/api/people/${on.id}/suspend`).set('cookie', by.cookie);
      const [one, other] = await Promise.all([act(a!, b!), act(b!, a!)]);
      const statuses = [one.status, other.status].sort();
      expect(statuses[0], `round ${round}: ${one.text} / ${other.text}`).toBe(200);
      expect([403, 409, 401]).toContain(statuses[1]);
      const left = await activeOwnersAs(owners);
      expect(left, `round ${round}`).toHaveLength(1);
      // The winner restores the other, ready for the next round.
      const winner = owners.find((o) => o.id === left[0])!;
      const loser = owners.find((o) => o.id !== left[0])!;
      await http.post(`/api/people/${loser.id}/reinstate`).set('cookie', winner.cookie).expect(200);
      await http.patch(`/api/people/${loser.id}/role`).set('cookie', winner.cookie).send({ role: 'owner' }).expect(200);
      if (statuses[1] === 401 || (round % 4 >= 2)) loser.cookie = await signIn(loser);
    }
    expect((await http.get('/api/setup').expect(200)).body).toEqual({ needed: false });
  });

  it('decided on the roster, not on the sessions: both owners signed in as owners, both commands in flight, one wins (50 rounds)', async () => {
    const bus = app.app.get(CommandBus);
    const second = await memberWith(app, founder, 'admin');
    await http.patch(`/api/people/${second.id}/role`).set('cookie', founder.cookie).send({ role: 'owner' }).expect(200);
    const organizationId = (await http.get('/api/session').set('cookie', founder.cookie).expect(200)).body.organization.id;
    const demote = (by: Member, on: Member, round: number) => {
      const now = new Date(Date.now() + round);
      const envelope = { commandId: newEventId(), correlationId: `race-${round}`, actor: { id: by.id, kind: 'person' as const, name: 'owner' }, now };
      const change = round % 2 ? { type: 'SuspendPerson' as const, personId: on.id, by: by.id, now: now.toISOString() } : { type: 'ChangeRole' as const, role: 'admin' as const, personId: on.id, by: by.id, now: now.toISOString() };
      return bus.execute<ManagePersonCommand, CommandOutcome>(new ManagePersonCommand(organizationId, change, envelope));
    };
    for (let round = 0; round < 50; round++) {
      const outcomes = await Promise.all([demote(founder, second, round), demote(second, founder, round)]);
      expect(outcomes.filter((o) => o.ok), `round ${round}`).toHaveLength(1);
      const loser = outcomes[0]!.ok ? second : founder;
      const winner = loser === founder ? second : founder;
      const restore = async (change: object) => {
        const now = new Date();
        const envelope = { commandId: newEventId(), correlationId: 'restore', actor: { id: winner.id, kind: 'person' as const, name: 'owner' }, now };
        const outcome = await bus.execute<ManagePersonCommand, CommandOutcome>(
          new ManagePersonCommand(organizationId, { ...change, personId: loser.id, by: winner.id, now: now.toISOString() } as ManagePersonCommand['change'], envelope),
        );
        expect(outcome.ok).toBe(true);
      };
      await restore({ type: 'ReinstatePerson' });
      await restore({ type: 'ChangeRole', role: 'owner' });
    }
  });

  it('the only owner cannot be demoted, suspended or removed by another owner who is leaving', async () => {
    const second = await memberWith(app, founder, 'admin');
    await http.patch(`/api/people/${second.id}/role`).set('cookie', founder.cookie).send({ role: 'owner' }).expect(200);
    await http.post(`/api/people/${founder.id}/suspend`).set('cookie', second.cookie).expect(200);
    const refused = await http.patch(`/api/people/${second.id}/role`).set('cookie', founder.cookie).send({ role: 'admin' });
    expect(refused.status).toBe(401); // a suspended owner is signed out at once
    expect(await activeOwnersAs([second])).toEqual([second.id]);
  });

  it('set-up stays closed once the organization exists: 409 for anyone, and GET says so even while read models rebuild', async () => {
    await http.post('/api/setup').send({ ...OWNER, email: 'stranger@example.org' }).expect(409);
    await http.post('/api/projections/rebuild').set('cookie', founder.cookie).expect((r) => expect(r.status).toBeLessThan(300));
    expect((await http.get('/api/setup').expect(200)).body).toEqual({ needed: false });
    await http.post('/api/setup').send({ ...OWNER, email: 'stranger2@example.org' }).expect(409);
  });

  const signIn = async (member: Member) => {
    const response = await http.post('/api/session').send({ email: member.email, password: member.password }).expect(200);
    return String(response.headers['set-cookie']![0]).split(';')[0]!;
  };
  const activeOwnersAs = async (members: Member[]) => {
    for (const member of members) {
      const list = await http.get('/api/people').set('cookie', member.cookie);
      if (list.status === 200) return list.body.people.filter((p: { role: string; status: string }) => p.role === 'owner' && p.status === 'active').map((p: { id: string }) => p.id);
    }
    return activeOwners();
  };
});

describe('first-run set-up', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('many set-ups at once: exactly one organization and one owner', async () => {
    app = await startTestApp();
    const http = request(app.app.getHttpServer());
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => http.post('/api/setup').send({ ...OWNER, email: `founder${i}@example.org` })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 201)!;
    const people = await http.get('/api/people').set('cookie', String(winner.headers['set-cookie']![0]).split(';')[0]!).expect(200);
    expect(people.body.people).toHaveLength(1);
    const log = await http.get('/api/events?type=OrganizationCreated').set('cookie', String(winner.headers['set-cookie']![0]).split(';')[0]!).expect(200);
    expect(log.body.entries).toHaveLength(1);
  });
});
