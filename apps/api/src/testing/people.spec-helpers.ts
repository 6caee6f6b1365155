import request from 'supertest';
import type { Role } from '@textbank/contracts';
import { cookieHeaderOf, OWNER, startTestApp, testClock, type TestApp } from './test-app.spec-helpers.js';

export interface Member {
  id: string;
  email: string;
  password: string;
  role: Role;
  cookie: string;
}

let people = 0;

/** The owner, set up through first run. */
export async function ownerOf(app: TestApp): Promise<Member> {
  const response = await request(app.app.getHttpServer()).post('/api/setup').send(OWNER).expect(201);
  return { id: response.body.person.id, email: OWNER.email, password: OWNER.password, role: 'owner', cookie: cookieHeaderOf(response) };
}

/** Creates an invite as `by` and answers with its token. */
export async function inviteToken(app: TestApp, by: Member, body: object = { kind: 'volunteer' }): Promise<string> {
  const response = await request(app.app.getHttpServer()).post('/api/invites').set('cookie', by.cookie).send(body).expect(201);
  return response.body.token;
}

/** A new member with `role`, invited by the owner and joined through the link. */
export async function memberWith(app: TestApp, owner: Member, role: Role): Promise<Member> {
  const email = `person${++people}-${role}@example.org`;
  const password = 'a long enough password';
  const token = await inviteToken(app, owner, role === 'volunteer' ? { kind: 'volunteer' } : { kind: 'named', role, email });
  const joined = await request(app.app.getHttpServer()).post(`/api/join/${token}`).send({ name: `A ${role}`, email, password }).expect(201);
  if (role === 'owner') throw new Error('owners are made by role change');
  return { id: joined.body.person.id, email, password, role, cookie: cookieHeaderOf(joined) };
}

/** A fresh app with its owner, an HTTP client and a clock the test can move. */
export async function startWithOwner() {
  const clock = testClock();
  const app = await startTestApp({}, undefined, clock);
  return { app, clock, http: request(app.app.getHttpServer()), owner: await ownerOf(app) };
}
