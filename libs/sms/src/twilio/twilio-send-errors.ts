import { consequenceOf } from '../error-consequences.js';
import type { SendResult } from '../sms-provider.js';

/** Socket errors raised before a single byte of the request left: Twilio provably has nothing. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Back-pressure waits this long when Twilio gives no hint. */
export const BACK_PRESSURE_WAIT_MS = 1_000;

interface ErrorShape {
  readonly status?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** True when the request never reached Twilio (connection refused, no address): safe to ask again. */
export function neverReachedTwilio(error: unknown): boolean {
  const code = (error as ErrorShape | null)?.code;
  return typeof code === 'string' && NEVER_SENT.has(code);
}

/**
 * What a failed `messages.create` means. A RestException (Twilio answered):
 * 429/20429 is back-pressure, a 5xx may have created the message (unknown), a
 * 4xx is a refusal with Twilio's code. Anything else happened on the wire:
 * refused before sending is deferred, a timeout or a dropped connection after
 * sending is unknown.
 */
export function sendResultOfError(error: unknown): SendResult {
  const e = (error ?? {}) as ErrorShape;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.status === 'number') {
    const code = typeof e.code === 'number' || typeof e.code === 'string' ? String(e.code) : String(e.status);
    if (e.status === 429 || consequenceOf(code).kind === 'back_pressure') return { status: 'deferred', reason: `Twilio asked us to slow down (${code})`, retryAfterMs: BACK_PRESSURE_WAIT_MS };
    if (e.status >= 500) return { status: 'ambiguous', errorMessage: `Twilio answered ${e.status}: ${message}` };
    return { status: 'failed', errorCode: code, errorMessage: message };
  }
  if (neverReachedTwilio(error)) return { status: 'deferred', reason: `Twilio could not be reached (${String(e.code)})`, retryAfterMs: BACK_PRESSURE_WAIT_MS };
  return { status: 'ambiguous', errorMessage: `No answer from Twilio: ${message}` };
}
