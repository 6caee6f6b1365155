import { CampaignList, CommandAccepted } from '@textbank/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiGet, apiSend, apiSendNoContent, onSessionLost, requestsSentSoFar } from './api-client';

function answer(status: number, body?: unknown) {
  const fetch = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetch = answer(200, { campaigns: [], position: '7' });
    const result = await apiSend('POST', '/api/campaigns', { name: 'A' }, CampaignList);
    expect(result).toEqual({ ok: true, value: { campaigns: [], position: '7' } });
    expect(fetch).toHaveBeenCalledWith('/api/campaigns', expect.objectContaining({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"name":"A"}',
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
    }));
  });

  it('sends an Idempotency-Key when the action has one (one press of Send, retried)', async () => {
    const fetch = answer(201, { id: 'm1', position: '8', readable: true });
    await apiSend('POST', '/api/campaigns/c/texting/send', { contactId: 'k' }, CommandAccepted, { idempotencyKey: 'g-1' });
    expect(fetch).toHaveBeenCalledWith('/api/campaigns/c/texting/send', expect.objectContaining({ headers: expect.objectContaining({ 'idempotency-key': 'g-1' }) }));
    const plain = answer(200, { campaigns: [], position: '7' });
    await apiSend('POST', '/api/campaigns', { name: 'A' }, CampaignList);
    expect(plain.mock.calls[0]).toEqual(['/api/campaigns', expect.objectContaining({ headers: expect.not.objectContaining({ 'idempotency-key': expect.anything() }) })]);
  });

  it('returns the API error body, issues included', async () => {
    const body = { statusCode: 400, error: 'Bad Request', message: 'Invalid', issues: [{ path: 'name', message: 'is required' }] };
    answer(400, body);
    expect(await apiGet('/api/campaigns', CampaignList)).toEqual({ ok: false, error: body });
  });

  it('tells the session listeners on a 401', async () => {
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    answer(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in' });
    await apiGet('/api/campaigns', CampaignList);
    stop();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it("numbers each 401 by its request, so a 401 sent before a sign-in can be told apart", async () => {
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    answer(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in' });
    const before = requestsSentSoFar();
    await apiGet('/api/campaigns', CampaignList);
    await apiGet('/api/campaigns', CampaignList);
    stop();
    expect(lost.mock.calls).toEqual([[before + 1], [before + 2]]);
  });

  it('reports an answer that breaks the contract instead of passing it on, in words rather than zod issues', async () => {
    answer(200, { campaigns: 'none' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await apiGet('/api/campaigns', CampaignList);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.error).toBe('Unexpected Response');
    if (!result.ok) expect(result.error.message).not.toMatch(/expected|received|Invalid input|\[/);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('turns a network failure and a non-JSON error page into errors with words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await apiGet('/api/campaigns', CampaignList)).toMatchObject({ ok: false, error: { statusCode: 0 } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    expect(await apiGet('/api/campaigns', CampaignList)).toMatchObject({ ok: false, error: { statusCode: 502 } });
  });

  it('accepts an empty 204', async () => {
    answer(204);
    expect(await apiSendNoContent('DELETE', '/api/session')).toEqual({ ok: true, value: undefined });
  });
});
