import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeEventStoreContract } from '../contract/index.js';
import { EsdbTestServer } from '../esdb-test-server/index.js';
import { EsdbEventStore } from './esdb-event-store.js';

const root = mkdtempSync(join(tmpdir(), 'textbank-esdb-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;

// The same contract as SQLite, through the real client and gRPC to the protocol-level test server.
describeEventStoreContract('eventstoredb (client → gRPC → test server)', async () => {
  let now = Date.now();
  const server = await EsdbTestServer.start({ path: join(root, `events-${++files}.db`), clock: () => now });
  const store = new EsdbEventStore({ connectionString: server.connectionString });
  return {
    store,
    advanceClock: (ms) => (now += ms),
    cleanup: async () => {
      await store.close();
      await server.close();
    },
  };
});
