import type { ApiError } from '@textbank/contracts';
import type { ApiResult } from './api-client';

/** The part of a zod schema used to check a request before sending it. */
export interface RequestSchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/**
 * Checks a request with the same contract schema the API uses, and reports
 * problems in the API's own 400 shape, so a form shows both the same way.
 */
export function validateRequest<T>(schema: RequestSchema<T>, input: unknown): ApiResult<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const error: ApiError = {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Some fields need attention.',
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
  return { ok: false, error };
}
