/** What the sandbox's carrier and contacts do; every field has a default so a fresh install needs no setting. */
export interface SandboxConfig {
  /** The number contacts see and write back to. */
  readonly fromNumber: string;
  /** Mean time from send to `delivered` (jittered ±50%). */
  readonly deliveryDelayMs: number;
  /** Share of sends (0..1) that fail, at once or as a later carrier update. */
  readonly failureRate: number;
  /** Share of delivered texts (0..1) whose contact answers. */
  readonly replyRate: number;
  /** Mean time from `delivered` to the answer (jittered ±50%). */
  readonly replyDelayMs: number;
}

export const SANDBOX_DEFAULTS: SandboxConfig = {
  // Twilio's magic test "From" number: a real-looking E.164 number no phone owns
  fromNumber: '+15005550006',
  deliveryDelayMs: 1500,
  failureRate: 0.03,
  replyRate: 0.3,
  replyDelayMs: 4000,
};

/** Longer than a day is a typo, and setTimeout cannot wait past ~24.8 days anyway. */
const MAX_DELAY_MS = 86_400_000;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The sandbox settings from the environment. An unset or empty variable
 * takes the default; a malformed one stops the start with its name and value,
 * because a sandbox silently running on defaults hides the typo.
 */
export function sandboxConfigFrom(env: Readonly<Record<string, string | undefined>>): SandboxConfig {
  return {
    fromNumber: read(env, 'SANDBOX_FROM_NUMBER', SANDBOX_DEFAULTS.fromNumber, phoneNumber),
    deliveryDelayMs: read(env, 'SANDBOX_DELIVERY_DELAY_MS', SANDBOX_DEFAULTS.deliveryDelayMs, milliseconds),
    failureRate: read(env, 'SANDBOX_FAILURE_RATE', SANDBOX_DEFAULTS.failureRate, rate),
    replyRate: read(env, 'SANDBOX_REPLY_RATE', SANDBOX_DEFAULTS.replyRate, rate),
    replyDelayMs: read(env, 'SANDBOX_REPLY_DELAY_MS', SANDBOX_DEFAULTS.replyDelayMs, milliseconds),
  };
}

/** A parser answers the value, or what the variable must be. */
type Parse<T> = (text: string) => { readonly value: T } | { readonly mustBe: string };

function read<T>(env: Readonly<Record<string, string | undefined>>, name: string, fallback: T, parse: Parse<T>): T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = parse(raw.trim());
  if ('mustBe' in parsed) throw new Error(`${name} must be ${parsed.mustBe}, got '${raw}'`);
  return parsed.value;
}

const rate: Parse<number> = (text) => {
  const value = /^\d*\.?\d+$/.test(text) ? Number(text) : NaN;
  return value >= 0 && value <= 1 ? { value } : { mustBe: 'a number from 0 to 1' };
};

const milliseconds: Parse<number> = (text) => {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  return value <= MAX_DELAY_MS ? { value } : { mustBe: `a whole number of milliseconds from 0 to ${MAX_DELAY_MS}` };
};

const phoneNumber: Parse<string> = (text) => (E164.test(text) ? { value: text } : { mustBe: 'an E.164 number like +15005550006' });
