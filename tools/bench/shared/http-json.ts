import { request, type Agent } from 'node:http';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  readonly setCookie: readonly string[];
}

export interface JsonRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  readonly url: string;
  readonly body?: unknown;
  readonly cookie?: string;
  /** More request headers (an Idempotency-Key, say). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Fails the request (with an error, not a status) after this long without a byte either way. */
  readonly timeoutMs?: number;
}

/**
 * One JSON request over a keep-alive agent. Plain node:http rather than
 * fetch: on two shared cores the driver's own overhead must stay small, and
 * nothing here looks like a browser (no Origin header for the API's
 * cross-site guard to judge).
 */
export function sendJson(agent: Agent, { method, url, body, cookie, headers, timeoutMs }: JsonRequest): Promise<JsonResponse> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method,
      agent,
      headers: {
        accept: 'application/json',
        ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        ...(cookie && { cookie }),
        ...headers,
      },
    });
    outgoing.on('error', reject);
    if (timeoutMs !== undefined) {
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`${method} ${new URL(url).pathname}: no answer within ${timeoutMs} ms`)));
    }
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text.length > 0 ? JSON.parse(text) : undefined;
        } catch {
          // Not JSON (an HTML error page, say): keep the text for the error message.
        }
        resolve({ status: response.statusCode ?? 0, body: parsed, setCookie: response.headers['set-cookie'] ?? [] });
      });
    });
    outgoing.end(payload);
  });
}
