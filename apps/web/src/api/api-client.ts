import { ApiError } from '@textbank/contracts';

/** Expected failures (validation, conflicts, a lost session) come back as values, not exceptions. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What we need from a zod schema; typed structurally so the web does not import zod itself. */
export interface ResponseSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const sessionLostListeners = new Set<(sentAs: number) => void>();
let requestsSent = 0;

/**
 * Any 401 means the cookie no longer carries a session; the session module listens here.
 * Listeners get the request's number (see `requestsSentSoFar`): a 401 to a request
 * sent before a later sign-in speaks of the old cookie, not the new one.
 */
export function onSessionLost(listener: (sentAs: number) => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Requests are numbered in the order they are sent; this is the latest number. */
export function requestsSentSoFar(): number {
  return requestsSent;
}

export function apiGet<T>(path: string, schema: ResponseSchema<T>): Promise<ApiResult<T>> {
  return request('GET', path, undefined, schema);
}

/** Per request: an `idempotencyKey` (a UUID) makes a retry of the same action the same command on the server. */
export interface SendOptions {
  idempotencyKey?: string;
}

export function apiSend<T>(method: Method, path: string, body: unknown, schema: ResponseSchema<T>, options: SendOptions = {}): Promise<ApiResult<T>> {
  return request(method, path, body, schema, options);
}

/** For endpoints that answer 204 No Content. */
export function apiSendNoContent(method: Method, path: string): Promise<ApiResult<undefined>> {
  return request(method, path, undefined, null);
}

async function request<T>(
  method: Method,
  path: string,
  body: unknown,
  schema: ResponseSchema<T> | null,
  options: SendOptions = {},
): Promise<ApiResult<T>> {
  const sentAs = ++requestsSent;
  const headers: Record<string, string> = body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      // Same origin as the API: the session travels in its cookie.
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return failure(0, 'Network Error', 'Could not reach Textbank. Check your connection and try again.');
  }
  const json = await readJson(response);
  if (!response.ok) {
    if (response.status === 401) sessionLostListeners.forEach((listener) => listener(sentAs));
    const parsed = ApiError.safeParse(json);
    return parsed.success
      ? { ok: false, error: parsed.data }
      : failure(response.status, response.statusText, `The server answered ${response.status} ${response.statusText}.`);
  }
  if (schema === null) return { ok: true, value: undefined as T };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  // The details are for developers (the console); people get a sentence and something to try.
  console.error(`The answer to ${method} ${path} did not match the contract`, parsed.error.message);
  return failure(response.status, 'Unexpected Response', 'The server answered in a way this page does not understand. Reload the page; if that does not help, the server may have been updated since this page loaded.');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failure(statusCode: number, error: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { statusCode, error, message } };
}
