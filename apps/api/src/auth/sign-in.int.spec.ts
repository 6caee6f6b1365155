import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inviteToken, ownerOf, startWithOwner, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, testClock, type TestApp } from '../testing/test-app.spec-helpers.js';
import { PasswordHasher } from './password-hasher.js';

describe('signing in', () => {
  let app: TestApp;
  let owner: Member;
  let http: ReturnType<typeof request>;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    ({ app, clock, http, owner } = await startWithOwner());
  });
  afterEach(async () => app.close());

  it('refuses the 20th wrong password in a minute without checking the hash, and lets the right one in after the window', async () => {
    const verify = vi.spyOn(app.app.get(PasswordHasher), 'verify');
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i++) statuses.push((await http.post('/api/session').send({ email: owner.email, password: `wrong guess ${i}` })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    expect(verify).toHaveBeenCalledTimes(10);
    await http.post('/api/session').send({ email: owner.email, password: owner.password }).expect(429);
    clock.advance(61_000);
    await http.post('/api/session').send({ email: owner.email, password: owner.password }).expect(200);
  });

  it('counts guesses sent all at once before any hash is checked', async () => {
    const verify = vi.spyOn(app.app.get(PasswordHasher), 'verify');
    const statuses = (await Promise.all(Array.from({ length: 60 }, (_, i) => http.post('/api/session').send({ email: owner.email, password: `burst ${i}` })))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
    expect(verify).toHaveBeenCalledTimes(10);
  });

  it('a roomful of volunteers behind one address signs in at once', async () => {
    const token = await inviteToken(app, owner);
    const crowd = Array.from({ length: 40 }, (_, i) => ({ name: `V${i}`, email: `room${i}@example.org`, password: 'texting night 2026' }));
    await Promise.all(crowd.map((v) => http.post(`/api/join/${token}`).send(v).expect(201)));
    const statuses = await Promise.all(crowd.map((v) => http.post('/api/session').send({ email: v.email, password: v.password }).then((r) => r.status)));
    expect(statuses).toEqual(Array(40).fill(200));
  });

  it('an attacker elsewhere cannot lock the real user out of an address they signed in from before', async () => {
    const behindProxy = await startTestApp({ trustProxy: 1 }, undefined, clock);
    try {
      const proxied = request(behindProxy.app.getHttpServer());
      const target = await ownerOf(behindProxy);
      const home = '192.0.2.10';
      await proxied.post('/api/session').set('X-Forwarded-For', home).send({ email: target.email, password: target.password }).expect(200);
      for (let minute = 0; minute < 12; minute++) {
        for (let i = 0; i < 10; i++) {
          await proxied.post('/api/session').set('X-Forwarded-For', `203.0.113.${minute * 10 + i}`).send({ email: target.email, password: 'guess' });
        }
        clock.advance(61_000);
      }
      await proxied.post('/api/session').set('X-Forwarded-For', '198.51.100.7').send({ email: target.email, password: target.password }).expect(429);
      await proxied.post('/api/session').set('X-Forwarded-For', home).send({ email: target.email, password: target.password }).expect(200);
    } finally {
      await behindProxy.close();
    }
  }, 120_000);

  it('caps guesses at about 100 an hour per account, however many addresses they come from', async () => {
    const behindProxy = await startTestApp({ trustProxy: 1 }, undefined, clock);
    try {
      const proxied = request(behindProxy.app.getHttpServer());
      const target = await ownerOf(behindProxy);
      let checked = 0;
      for (let minute = 0; minute < 15; minute++) {
        for (let i = 0; i < 10; i++) {
          const response = await proxied.post('/api/session').set('X-Forwarded-For', `198.51.${minute}.${i}`).send({ email: target.email, password: 'not it at all' });
          if (response.status === 401) checked++;
        }
        clock.advance(61_000);
      }
      expect(checked).toBe(100);
    } finally {
      await behindProxy.close();
    }
  }, 120_000);

  it('ends sessions after 12 idle hours, and after 14 days however active', async () => {
    await http.get('/api/session').set('cookie', owner.cookie).expect(200);
    clock.advance(11 * 60 * 60 * 1000);
    await http.get('/api/session').set('cookie', owner.cookie).expect(200);
    clock.advance(11 * 60 * 60 * 1000);
    await http.get('/api/session').set('cookie', owner.cookie).expect(200);
    clock.advance(13 * 60 * 60 * 1000);
    await http.get('/api/session').set('cookie', owner.cookie).expect(401);
    const fresh = await http.post('/api/session').send({ email: owner.email, password: owner.password }).expect(200);
    const cookie = fresh.headers['set-cookie']![0]!.split(';')[0]!;
    // Used every 11 hours, it stays alive until 14 days (336 h) after sign-in, and not after.
    for (let hours = 11; hours <= 341; hours += 11) {
      clock.advance(11 * 60 * 60 * 1000);
      await http.get('/api/session').set('cookie', cookie).expect(hours <= 336 ? 200 : 401);
    }
  });

  it('refuses a tampered or unknown session cookie, and cross-site writes', async () => {
    const [name, value] = owner.cookie.split('; ')[0]!.split('=') as [string, string];
    await http.get('/api/session').set('cookie', `${name}=${value.slice(0, -2)}xx`).expect(401);
    await http.get('/api/session').set('cookie', `${name}=${'a'.repeat(5000)}`).expect(401);
    await http.post('/api/invites').set('cookie', owner.cookie).set('Origin', 'https://attacker.example').send({ kind: 'volunteer' }).expect(403);
    await http.post('/api/invites').set('cookie', owner.cookie).set('Sec-Fetch-Site', 'same-site').send({ kind: 'volunteer' }).expect(403);
    await http.post('/api/invites').set('cookie', owner.cookie).set('Origin', app.url).set('Sec-Fetch-Site', 'same-origin').send({ kind: 'volunteer' }).expect(201);
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/api/health', '/api/session', '/api/nothing']) {
      const response = await http.get(path);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const csp = response.headers['content-security-policy'] as string;
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });
});
