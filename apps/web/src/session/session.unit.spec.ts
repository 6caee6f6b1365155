import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiGet } from '../api/api-client';
import { SessionView } from '@textbank/contracts';
import { session, SIGNED_OUT_BY_SERVER } from './session.svelte';

const admin: SessionView = {
  person: { id: 'p1', name: 'Ada Organizer', email: 'ada@example.org', role: 'admin' },
  organization: { id: 'o1', name: 'Friends of the Park' },
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const unauthorized = () => json(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in' });

beforeEach(() => session.signedIn(admin));
afterEach(() => vi.unstubAllGlobals());

describe('session', () => {
  it('shows the new role after a recheck, staying signed in', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { ...admin, person: { ...admin.person, role: 'volunteer' } })));
    expect(await session.recheck()).toBe(true);
    expect(session.phase).toBe('signed-in');
    expect(session.view?.person.role).toBe('volunteer');
  });

  it('goes to sign-in saying why when a recheck finds the session gone', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => unauthorized()));
    expect(await session.recheck()).toBe(false);
    expect(session.phase).toBe('signed-out');
    expect(session.signedOutReason).toBe(SIGNED_OUT_BY_SERVER);
  });

  it('goes to sign-in saying why on a 401 from any screen', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => unauthorized()));
    await apiGet('/api/people', SessionView);
    expect(session.phase).toBe('signed-out');
    expect(session.signedOutReason).toBe(SIGNED_OUT_BY_SERVER);
  });

  it('says nothing after a sign-out the person chose, and forgets the reason on the next sign-in', () => {
    session.lost();
    session.signedIn(admin);
    expect(session.signedOutReason).toBe('');
    session.signedOut();
    expect(session.signedOutReason).toBe('');
  });

  it('keeps the screens when a recheck cannot reach the server', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await session.recheck()).toBe(true);
    expect(session.view).toEqual(admin);
  });

  it('drops the answer of a check that a join finished before', async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    session.signedOut();
    const checking = session.check();
    session.signedIn(admin);
    answer(unauthorized());
    await checking;
    expect(session.phase).toBe('signed-in');
    expect(session.view).toEqual(admin);
  });
});
