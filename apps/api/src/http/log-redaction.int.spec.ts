import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';
import { OWNER } from '../testing/test-app.spec-helpers.js';

/** Sends one raw request line, as a client may (absolute-form targets, odd casing), and waits for the answer. */
function rawRequest(port: number, requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('invite tokens in the request logs', () => {
  const lines: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'textbank-api-'));
  let app: NestExpressApplication;
  let port: number;
  let token: string;

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }, { webDist: undefined });
    app = await createApp(config, { logTo: { write: (line) => void lines.push(line) } });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as { port: number }).port;
    const http = request(app.getHttpServer());
    const owner = await http.post('/api/setup').send(OWNER).expect(201);
    const invite = await http.post('/api/invites').set('cookie', owner.headers['set-cookie']![0]!.split(';')[0]!).send({ kind: 'volunteer' }).expect(201);
    token = invite.body.token;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The request-completed lines logged for requests whose path mentions join, in any case. */
  const joinLogs = () =>
    lines.map((l) => JSON.parse(l) as { req?: { url?: string }; res?: unknown }).filter((l) => l.res && /join/i.test(l.req?.url ?? ''));

  it('are taken out of every path Express routes to the join handlers', async () => {
    const http = request(app.getHttpServer());
    const routed = [`/api/join/${token}`, `/Api/join/${token}`, `/API/JOIN/${token}`, `/api/Join/${token}/`, `/api/join/${token}?utm=1`];
    for (const path of routed) {
      // Each of these reaches the handler: the preview answers for the real invite.
      expect((await http.get(path).expect(200)).body, path).toMatchObject({ organizationName: OWNER.organizationName });
    }
    await http.post(`/aPi/jOiN/${token}/`).send({ name: 'Vol', email: 'vol@example.org', password: 'a long enough password' }).expect(201);
    // An absolute-form request target is routed by its path too.
    expect(await rawRequest(port, `GET http://127.0.0.1:${port}/api/join/${token} HTTP/1.1`)).toMatch(/^HTTP\/1.1 200/);
    // Routed to the handler, which finds no such invite; the token is still in the path.
    await http.get(`/api/join/${token};x`).expect(404, /invite link is not valid/);
    // Not routed, but a token in them is still a token.
    await http.get(`/api/jo%69n/${token}`).expect(404);
    await http.get(`/api/join%2F${token}`).expect(404);

    const logged = joinLogs();
    expect(logged).toHaveLength(routed.length + 5);
    for (const line of logged) expect(line.req?.url).toMatch(/join\/\[redacted\]/i);
    expect(lines.join('\n')).not.toContain(token);
  });
});
