import { twilioConfigFrom, type TwilioConfig } from '@textbank/sms';
import { FakeTwilioServer, signedWebhook } from '@textbank/sms/testing';
import request from 'supertest';
import type { TestApp } from './test-app.spec-helpers.js';

export const TWILIO_ACCOUNT = `AC${'1'.repeat(32)}`;
export const TWILIO_TOKEN = 'a'.repeat(32);
export const TWILIO_SERVICE = `MG${'2'.repeat(32)}`;
/** What Twilio calls: a TLS-terminating proxy's origin, not the test server's own address. */
export const PUBLIC_BASE_URL = 'https://texting.example.org';

/** A fake Twilio on 127.0.0.1 and the config that sends there through the twilio package. */
export async function fakeTwilio(env: Record<string, string> = {}, refuse = new Map<string, number>()): Promise<{ fake: FakeTwilioServer; twilio: TwilioConfig }> {
  const fake = new FakeTwilioServer({ credentials: [[TWILIO_ACCOUNT, TWILIO_TOKEN]], refuse });
  await fake.start();
  const twilio = twilioConfigFrom({
    TWILIO_ACCOUNT_SID: TWILIO_ACCOUNT,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_MESSAGING_SERVICE_SID: TWILIO_SERVICE,
    PUBLIC_BASE_URL,
    TWILIO_API_BASE_URL: fake.baseUrl,
    TWILIO_REQUEST_TIMEOUT_MS: '2000',
    ...env,
  });
  return { fake, twilio };
}

/** Posts a webhook form to the app as Twilio would, signed for its public URL unless told otherwise. */
export function postWebhook(app: TestApp, kind: 'inbound' | 'status', params: Record<string, string>, sign: { token?: string; url?: string; unsigned?: boolean } = {}) {
  const path = `/webhooks/twilio/${kind}`;
  const headers = sign.unsigned ? {} : signedWebhook(sign.token ?? TWILIO_TOKEN, sign.url ?? `${PUBLIC_BASE_URL}${path}`, params);
  return request(app.app.getHttpServer()).post(path).type('form').set(headers).send(params);
}
