import { newEventId, SqliteEventStore } from '@textbank/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { Credentials } from '../auth/credentials.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { cookieHeaderOf, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';

const at = '2026-11-20T12:00:00.000Z';
const metadata = () => ({ actor: { id: 'seed', kind: 'person', name: 'Seed' }, causationId: newEventId(), correlationId: 'seed', timestamp: at, schemaVersion: 1 });
const e = (type: string, data: object) => ({ id: newEventId(), type, data, metadata: metadata() });

/** An installation set up by an earlier version: standing changes in the people's own streams, no founder named. */
describe('upgrading an organization from before the roster', () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it('carries the old standings over at start: the demoted founder cannot suspend the owner, the owner can manage the founder and reinstate the suspended admin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'textbank-legacy-'));
    const [org, f, x, s] = [newEventId(), newEventId(), newEventId(), newEventId()];
    // First start: only to have auth.db, where the two owners' passwords are kept.
    const first = await startTestApp({}, dir);
    const hasher = first.app.get(PasswordHasher);
    const credentials = first.app.get(Credentials);
    credentials.reserve(f, 'f@example.org', await hasher.hash('founder password 1'));
    credentials.reserve(x, 'x@example.org', await hasher.hash('owner password 22'));
    await first.app.close();

    const store = new SqliteEventStore({ path: join(dir, 'events.db') });
    await store.appendToStream(`organization-${org}`, [e('OrganizationCreated', { organizationId: org, name: 'Old Org', createdAt: at })]);
    const joined = (personId: string, email: string, role: string) => e('PersonJoined', { personId, organizationId: org, name: email, email, role, joinedAt: at });
    await store.appendToStream(`person-${f}`, [joined(f, 'f@example.org', 'owner')]);
    await store.appendToStream(`person-${x}`, [joined(x, 'x@example.org', 'admin'), e('RoleChanged', { personId: x, from: 'admin', to: 'owner', changedAt: at })]);
    await store.appendToStream(`person-${f}`, [e('RoleChanged', { personId: f, from: 'owner', to: 'admin', changedAt: at })]);
    await store.appendToStream(`person-${s}`, [joined(s, 's@example.org', 'admin'), e('PersonSuspended', { personId: s, suspendedAt: at })]);
    await store.close();

    app = await startTestApp({}, dir);
    const http = request(app.app.getHttpServer());
    const signIn = async (email: string, password: string) => cookieHeaderOf(await http.post('/api/session').send({ email, password }).expect(200));
    const founder = await signIn('f@example.org', 'founder password 1');
    const owner = await signIn('x@example.org', 'owner password 22');
    await http.post(`/api/people/${x}/suspend`).set('cookie', founder).expect(403);
    await http.patch(`/api/people/${f}/email`).set('cookie', owner).send({ email: 'founder@example.org' }).expect(200);
    await http.post(`/api/people/${f}/password-reset`).set('cookie', owner).expect(201);
    await http.post(`/api/people/${s}/reinstate`).set('cookie', owner).expect(200);
    const log = await http.get(`/api/events?type=RosterCarriedOver`).set('cookie', owner).expect(200);
    expect(log.body.entries).toHaveLength(1);
    expect(log.body.entries[0].data.standings).toEqual(
      expect.arrayContaining([
        { personId: f, role: 'admin', status: 'active', version: 1 },
        { personId: x, role: 'owner', status: 'active', version: 1 },
        { personId: s, role: 'admin', status: 'suspended', version: 1 },
      ]),
    );
  });
});
