import type { CommandAccepted, SocketSend } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../api/api-client';
import { NO_ANSWER, sendFirstText, type SendTransport } from './send-first-text';

const gesture = { id: '6f1c1f0e-1c1d-4c5b-9b7e-1d2c3b4a5f60', contactId: 'k1' };
const campaignId = '0b8a4f7e-3c1d-4e9a-9b2f-6d5c4a3b2e1f';

function transport(socket: () => Promise<unknown>, http: ApiResult<CommandAccepted> = { ok: true, value: { id: 'm-http', position: '9', readable: true } }) {
  const calls = { socket: [] as SocketSend[], http: [] as string[][] };
  const fake: SendTransport = {
    overSocket: (request) => (calls.socket.push(request), socket()),
    overHttp: async (...args) => (calls.http.push(args), http),
  };
  return { fake, calls };
}

describe('sendFirstText', () => {
  it('sends over the socket with the gesture id, and HTTP is not asked', async () => {
    const { fake, calls } = transport(async () => ({ ok: true, id: 'm1', position: '7', readable: true }));
    expect(await sendFirstText(fake, campaignId, gesture)).toEqual({ kind: 'sent', messageId: 'm1', readable: true });
    expect(calls.socket).toEqual([{ campaignId, contactId: 'k1', gestureId: gesture.id }]);
    expect(calls.http).toEqual([]);
  });

  it('brings the next contact when the ack carries it (none left: null), so no second request is needed', async () => {
    const next = { contactId: 'k2', firstName: 'Rosa', lastName: 'Diaz', phone: '+12125550102', timeZone: 'America/New_York', body: 'Hi Rosa', segments: 1, encoding: 'GSM-7', variantId: 'v1', scriptVersion: 1, windowOpen: true, remaining: 3 };
    const withNext = transport(async () => ({ ok: true, id: 'm1', position: '7', readable: true, next }));
    expect(await sendFirstText(withNext.fake, campaignId, gesture)).toEqual({ kind: 'sent', messageId: 'm1', readable: true, next });
    const noneLeft = transport(async () => ({ ok: true, id: 'm1', position: '7', readable: true, next: null }));
    expect(await sendFirstText(noneLeft.fake, campaignId, gesture)).toEqual({ kind: 'sent', messageId: 'm1', readable: true, next: null });
  });

  it('gives the server’s refusal in its words', async () => {
    const { fake, calls } = transport(async () => ({ ok: false, status: 403, message: 'Outside texting hours for this contact' }));
    expect(await sendFirstText(fake, campaignId, gesture)).toEqual({ kind: 'refused', status: 403, message: 'Outside texting hours for this contact' });
    expect(calls.http).toEqual([]);
  });

  it('falls back to HTTP with the same gesture id when the socket is down or silent', async () => {
    const { fake, calls } = transport(() => Promise.reject(new Error('not connected')));
    expect(await sendFirstText(fake, campaignId, gesture)).toEqual({ kind: 'sent', messageId: 'm-http', readable: true });
    expect(calls.http).toEqual([[campaignId, 'k1', gesture.id]]);
  });

  it('asks again over HTTP (same gesture) when the ack is not understood or is a server fault', async () => {
    for (const ack of [undefined, { ok: 'yes' }, { ok: false, status: 500, message: 'boom' }]) {
      const { fake, calls } = transport(async () => ack);
      expect((await sendFirstText(fake, campaignId, gesture)).kind).toBe('sent');
      expect(calls.http).toEqual([[campaignId, 'k1', gesture.id]]);
    }
  });

  it('says the outcome is unknown when HTTP cannot reach the server either', async () => {
    const { fake } = transport(() => Promise.reject(new Error('timeout')), { ok: false, error: { statusCode: 0, error: 'Network Error', message: 'Could not reach Textbank.' } });
    expect(await sendFirstText(fake, campaignId, gesture)).toEqual({ kind: 'unknown', message: NO_ANSWER });
  });

  it('passes on an HTTP refusal', async () => {
    const { fake } = transport(() => Promise.reject(new Error('timeout')), { ok: false, error: { statusCode: 409, error: 'Conflict', message: 'Already texted' } });
    expect(await sendFirstText(fake, campaignId, gesture)).toEqual({ kind: 'refused', status: 409, message: 'Already texted' });
  });
});
