import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';

export const OWNER = { organizationName: 'Riverside Tenants Union', name: 'Ada Organizer', email: 'ada@example.org', password: 'correct horse battery' };

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

/** A real API on a real port with its own SQLite files in a temp folder. */
/** A clock tests can move: `clock.advance(61_000)` passes a throttle window. */
export function testClock() {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  return Object.assign(now, { advance: (ms: number) => void (offset += ms) });
}

export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'textbank-api-')),
  clock: () => Date = () => new Date(),
): Promise<TestApp> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, { webDist: undefined, ...overrides });
  const app = await createApp(config, { clock });
  // No test may see a 5xx: every failure a client can cause must be a clear 4xx.
  const serverErrors: string[] = [];
  app.use((req: { method: string; originalUrl: string }, res: { statusCode: number; on(e: 'finish', f: () => void): void }, next: () => void) => {
    res.on('finish', () => {
      if (res.statusCode >= 500) serverErrors.push(`${req.method} ${req.originalUrl} -> ${res.statusCode}`);
    });
    next();
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (serverErrors.length) throw new Error(`The API answered with server errors: ${serverErrors.join(', ')}`);
    },
  };
}

/** Runs first-run setup and returns an agent carrying the owner's session cookie. */
export async function setUpOwner(app: TestApp) {
  const agent = request.agent(app.app.getHttpServer());
  await agent.post('/api/setup').send(OWNER).expect(201);
  return agent;
}

/** The session cookie header an agent holds, for sockets. */
export function cookieHeaderOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.map((c) => c.split(';')[0]).join('; ');
}
