import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasswordHasher } from './password-hasher.js';
import { inviteToken, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, testClock, type TestApp } from '../testing/test-app.spec-helpers.js';

/** Issue 6, item 3: nobody with the right password is locked out of a place or browser they used before; guessing stays slow. */
describe('sign-in throttle', () => {
  const clock = testClock();
  const dataDir = () => mkdtempSync(join(tmpdir(), 'textbank-throttle-'));
  let apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  const start = async (dir = dataDir()) => {
    const app = await startTestApp({ trustProxy: 1 }, dir, clock);
    apps.push(app);
    return { app, dir, http: request(app.app.getHttpServer()) };
  };
  /** Closes an app but keeps its data folder, as a restart would. */
  const stopKeepingData = async (app: TestApp) => {
    apps = apps.filter((a) => a !== app);
    await app.app.close();
  };
  const signIn = (http: ReturnType<typeof request>, from: string, email: string, password: string, cookie?: string) => {
    const call = http.post('/api/session').set('X-Forwarded-For', from);
    return (cookie ? call.set('cookie', cookie) : call).send({ email, password });
  };
  const guesses = async (http: ReturnType<typeof request>, email: string, count: number, from = (i: number) => `203.0.113.${i}`) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await signIn(http, from(i), email, `guess ${i}`)).status);
    return statuses;
  };

  it('a volunteer who joined at the venue signs in there after 40 wrong sign-ins from the same wifi', async () => {
    const { app, http } = await start();
    const owner = await ownerOf(app);
    const venue = '192.0.2.50';
    const token = await inviteToken(app, owner);
    await http.post(`/api/join/${token}`).set('X-Forwarded-For', venue).send({ name: 'Vee', email: 'vee@example.org', password: 'texting night 2026' }).expect(201);
    const wrong = await guesses(http, 'someone@example.org', 40, () => venue);
    expect(wrong.filter((s) => s === 429).length).toBeGreaterThan(0); // the address is throttled for strangers ...
    await signIn(http, venue, 'vee@example.org', 'texting night 2026').expect(200); // ... not for the volunteer who was here before
  });

  it('after a restart, the owner still gets in from home and from their own browser while guesses elsewhere are refused', async () => {
    const first = await start();
    const owner: Member = await ownerOf(first.app);
    const home = '192.0.2.10';
    const signedIn = await signIn(first.http, '198.51.100.200', owner.email, owner.password).expect(200);
    const browser = ([] as string[]).concat(signedIn.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('textbank_device='))!;
    expect(browser).toBeDefined();
    await signIn(first.http, home, owner.email, owner.password).expect(200);
    await stopKeepingData(first.app);

    const second = await start(first.dir);
    const attack = await guesses(second.http, owner.email, 12);
    expect(attack.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(attack.slice(10)).toEqual([429, 429]);
    await signIn(second.http, '198.51.100.77', owner.email, owner.password).expect(429); // somewhere new, no browser of theirs
    await signIn(second.http, home, owner.email, owner.password).expect(200); // a place they used, remembered across the restart
    await signIn(second.http, '198.51.100.78', owner.email, owner.password, browser).expect(200); // their own browser, anywhere
  });

  it("the owner signing in does not refill the attacker's budget, and counts survive a restart", async () => {
    const first = await start();
    const owner = await ownerOf(first.app);
    const home = '192.0.2.11';
    await signIn(first.http, home, owner.email, owner.password).expect(200);
    expect(await guesses(first.http, owner.email, 10)).toEqual(Array(10).fill(401));
    await signIn(first.http, home, owner.email, owner.password).expect(200);
    expect(await guesses(first.http, owner.email, 1, () => '203.0.113.99')).toEqual([429]);
    await stopKeepingData(first.app);
    const second = await start(first.dir);
    expect(await guesses(second.http, owner.email, 1, () => '203.0.113.98')).toEqual([429]);
  });

  it('a burst of guesses at many accounts from one address reaches the hash check at most 30 times a minute', async () => {
    const { app, http } = await start();
    await ownerOf(app);
    const verify = vi.spyOn(app.app.get(PasswordHasher), 'verify');
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => signIn(http, '203.0.113.7', `someone${i}@example.org`, 'guess').then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(170);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(30);
  });

  it('a new browser somewhere new is capped at about 100 guesses an hour, across restarts', async () => {
    let current = await start();
    const owner = await ownerOf(current.app);
    let checked = 0;
    for (let minute = 0; minute < 14; minute++) {
      for (const status of await guesses(current.http, owner.email, 10, (i) => `198.51.${minute}.${i}`)) if (status === 401) checked++;
      clock.advance(61_000);
      if (minute === 6) {
        await stopKeepingData(current.app);
        current = await start(current.dir);
      }
    }
    expect(checked).toBe(100);
  }, 120_000);
});
