import { z } from 'zod';

/** How Textbank reaches Twilio; read once at start-up from the environment (TWILIO_*, PUBLIC_BASE_URL). */
export interface TwilioConfig {
  readonly accountSid: string;
  /** Signs Twilio's webhooks; also the REST password when no API key is set. */
  readonly authToken: string;
  /** REST credentials that can be revoked without touching the account's auth token. */
  readonly apiKey?: { readonly sid: string; readonly secret: string };
  /** The secret of a SharedKey, for webhooks Twilio signs with one (HMAC-SHA256, the signature-settings header). */
  readonly webhookSharedKeySecret?: string;
  /** Every text goes through this messaging service, or from one of these numbers (sticky per contact). */
  readonly sender: { readonly messagingServiceSid: string } | { readonly fromNumbers: readonly string[] };
  /** Campaign id → messaging service, for campaigns registered (10DLC) under their own service. */
  readonly campaignMessagingServices: ReadonlyMap<string, string>;
  /** Where Twilio reaches us, as Twilio sees it (the proxy's https origin): webhook URLs and signatures use it. */
  readonly publicBaseUrl: string;
  /** Tests and benchmarks only: a fake Twilio REST server's origin. Production leaves it unset. */
  readonly apiBaseUrl?: string;
  /** A send with no answer by then is "outcome unknown" and reconciled, never re-sent. */
  readonly requestTimeoutMs: number;
  /**
   * Requests to Twilio at once, one connection each (the dispatcher's
   * concurrency). The package's own default is 20 per host, which caps
   * sending at 20 per answer time: 100 a second if Twilio takes 200 ms.
   */
  readonly maxSockets?: number;
}

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be ${prefix} followed by 32 hex digits`);
const E164 = /^\+[1-9]\d{6,14}$/;
const optional = (schema: z.ZodType<string>) => z.union([z.literal('').transform(() => undefined), schema]).optional();
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL like https://texting.example.org' });

const Env = z
  .object({
    TWILIO_ACCOUNT_SID: sid('AC'),
    TWILIO_AUTH_TOKEN: z.string().regex(/^[0-9a-zA-Z]{16,64}$/, 'must be the account\'s auth token (letters and digits)'),
    TWILIO_API_KEY_SID: optional(sid('SK')),
    TWILIO_API_KEY_SECRET: optional(z.string().min(16, 'must be the API key\'s secret')),
    TWILIO_WEBHOOK_SHARED_KEY_SECRET: optional(z.string().min(16, 'must be the SharedKey\'s secret')),
    TWILIO_MESSAGING_SERVICE_SID: optional(sid('MG')),
    TWILIO_FROM_NUMBERS: optional(
      z.string().refine((v) => v.split(',').every((n) => E164.test(n.trim())), 'must be E.164 numbers separated by commas, like +15005550006,+15005550007'),
    ),
    TWILIO_CAMPAIGN_MESSAGING_SERVICES: optional(
      z.string().refine((v) => v.split(',').every((pair) => /^[\w-]+=MG[0-9a-fA-F]{32}$/.test(pair.trim())), 'must be campaignId=MG… pairs separated by commas'),
    ),
    PUBLIC_BASE_URL: httpUrl,
    TWILIO_API_BASE_URL: optional(httpUrl),
    TWILIO_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
  })
  .refine((e) => Boolean(e.TWILIO_API_KEY_SID) === Boolean(e.TWILIO_API_KEY_SECRET), { message: 'set both TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET, or neither', path: ['TWILIO_API_KEY_SECRET'] })
  .refine((e) => Boolean(e.TWILIO_MESSAGING_SERVICE_SID) !== Boolean(e.TWILIO_FROM_NUMBERS), {
    message: 'set exactly one of TWILIO_MESSAGING_SERVICE_SID and TWILIO_FROM_NUMBERS',
    path: ['TWILIO_MESSAGING_SERVICE_SID'],
  });

/**
 * The Twilio settings, or an error naming every variable that is wrong and
 * what it must be. Values are never repeated in the message: most are secrets.
 */
export function twilioConfigFrom(env: Readonly<Record<string, string | undefined>>): TwilioConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.code === 'invalid_type' ? 'is required' : i.message}`);
    throw new Error(`SMS_PROVIDER=twilio: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    accountSid: e.TWILIO_ACCOUNT_SID,
    authToken: e.TWILIO_AUTH_TOKEN,
    ...(e.TWILIO_API_KEY_SID && e.TWILIO_API_KEY_SECRET && { apiKey: { sid: e.TWILIO_API_KEY_SID, secret: e.TWILIO_API_KEY_SECRET } }),
    ...(e.TWILIO_WEBHOOK_SHARED_KEY_SECRET && { webhookSharedKeySecret: e.TWILIO_WEBHOOK_SHARED_KEY_SECRET }),
    sender: e.TWILIO_MESSAGING_SERVICE_SID
      ? { messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID }
      : { fromNumbers: e.TWILIO_FROM_NUMBERS!.split(',').map((n) => n.trim()) },
    campaignMessagingServices: new Map(
      (e.TWILIO_CAMPAIGN_MESSAGING_SERVICES ?? '')
        .split(',')
        .filter((pair) => pair.trim() !== '')
        .map((pair) => pair.trim().split('=') as [string, string]),
    ),
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    ...(e.TWILIO_API_BASE_URL && { apiBaseUrl: e.TWILIO_API_BASE_URL.replace(/\/+$/, '') }),
    requestTimeoutMs: e.TWILIO_REQUEST_TIMEOUT_MS,
  };
}
