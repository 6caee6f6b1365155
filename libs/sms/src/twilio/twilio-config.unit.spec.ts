import { describe, expect, it } from 'vitest';
import { twilioConfigFrom } from './twilio-config.js';

const TOKEN = 'a'.repeat(32);
const base = { TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_MESSAGING_SERVICE_SID: `MG${'2'.repeat(32)}`, PUBLIC_BASE_URL: 'https://texting.example.org/' };

describe('twilioConfigFrom', () => {
  it('reads a messaging service set-up, trims the public URL and defaults the timeout', () => {
    const config = twilioConfigFrom(base);
    expect(config).toMatchObject({ accountSid: base.TWILIO_ACCOUNT_SID, sender: { messagingServiceSid: base.TWILIO_MESSAGING_SERVICE_SID }, publicBaseUrl: 'https://texting.example.org', requestTimeoutMs: 15_000 });
    expect(config.apiKey).toBeUndefined();
  });

  it('reads a number pool and per-campaign services', () => {
    const config = twilioConfigFrom({ ...base, TWILIO_MESSAGING_SERVICE_SID: '', TWILIO_FROM_NUMBERS: '+15005550001, +15005550002', TWILIO_CAMPAIGN_MESSAGING_SERVICES: `c1=MG${'3'.repeat(32)}` });
    expect(config.sender).toEqual({ fromNumbers: ['+15005550001', '+15005550002'] });
    expect(config.campaignMessagingServices.get('c1')).toBe(`MG${'3'.repeat(32)}`);
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: undefined }, 'TWILIO_ACCOUNT_SID is required'],
    [{ TWILIO_ACCOUNT_SID: 'XX123' }, 'TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits'],
    [{ TWILIO_AUTH_TOKEN: undefined }, 'TWILIO_AUTH_TOKEN is required'],
    [{ PUBLIC_BASE_URL: 'texting.example.org' }, 'PUBLIC_BASE_URL must be an http(s) URL'],
    [{ TWILIO_MESSAGING_SERVICE_SID: undefined }, 'set exactly one of TWILIO_MESSAGING_SERVICE_SID and TWILIO_FROM_NUMBERS'],
    [{ TWILIO_FROM_NUMBERS: '+15005550001' }, 'set exactly one of'],
    [{ TWILIO_MESSAGING_SERVICE_SID: undefined, TWILIO_FROM_NUMBERS: '+1500555000x' }, 'TWILIO_FROM_NUMBERS must be E.164 numbers'],
    [{ TWILIO_API_KEY_SID: `SK${'4'.repeat(32)}` }, 'set both TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET'],
    [{ TWILIO_REQUEST_TIMEOUT_MS: '50' }, 'TWILIO_REQUEST_TIMEOUT_MS'],
  ])('refuses %j with a message naming the variable', (change, expected) => {
    expect(() => twilioConfigFrom({ ...base, ...change })).toThrow(expected);
  });

  it('never repeats a secret in its error', () => {
    const secret = 'topsecret-not-a-token!';
    expect(() => twilioConfigFrom({ ...base, TWILIO_AUTH_TOKEN: secret })).toThrow(/TWILIO_AUTH_TOKEN/);
    try {
      twilioConfigFrom({ ...base, TWILIO_AUTH_TOKEN: secret });
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });
});
