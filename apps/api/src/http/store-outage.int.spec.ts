import { EsdbTestServer } from '@textbank/event-store/esdb-test-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpOwner, startTestApp } from '../testing/test-app.spec-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'textbank-outage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the API on EventStoreDB when the store goes away', () => {
  it('answers 503 with Retry-After and a message that names no internals, not a 500', async () => {
    const server = await EsdbTestServer.start({ path: join(dir, 'events.db') });
    const app = await startTestApp({ eventStoreConnectionString: server.connectionString });
    const owner = await setUpOwner(app);
    await owner.post('/api/campaigns').send({ name: 'Before' }).expect(201);
    await server.close();
    const response = await owner.post('/api/campaigns').send({ name: 'During' });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.message).toMatch(/event store cannot be reached/);
    expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|esdb:/);
    // The helper refuses any 5xx on close; this one was the point of the test.
    await expect(app.close()).rejects.toThrow(/503/);
  });
});
