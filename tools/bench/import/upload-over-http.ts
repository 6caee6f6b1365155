import { createReadStream } from 'node:fs';
import { request, type Agent } from 'node:http';
import type { ApiSession } from '../shared/api-session.js';

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs a file (or its first `bytes`) as text/csv, streamed from disk, with extra headers. */
export function postFile(agent: Agent, session: ApiSession, path: string, target: string, headers: Record<string, string> = {}, bytes?: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${session.url}${target}`, {
      method: 'POST',
      agent,
      headers: { cookie: session.cookie, 'content-type': 'text/csv', accept: 'application/json', ...headers },
    });
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        } catch (error) {
          reject(error);
        }
      });
    });
    createReadStream(path, bytes === undefined ? {} : { start: 0, end: bytes - 1 }).pipe(outgoing);
  });
}
