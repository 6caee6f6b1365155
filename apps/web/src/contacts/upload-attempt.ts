import type { ApiError } from '@textbank/contracts';

/**
 * Whether a failed upload may be sent again under the same Idempotency-Key.
 * Only when the answer never came (status 0: a dropped connection) or the
 * server says the same upload is still running: the server then recognises the
 * file and never imports it twice. After any other answer the upload is over
 * (refused, or abandoned with its reason), and trying again is a new upload.
 */
export function sameUploadOnRetry(error: ApiError): boolean {
  return error.statusCode === 0 || (error.statusCode === 409 && /already being uploaded/i.test(error.message));
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
