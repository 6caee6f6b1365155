import { describe, it } from 'vitest';
import { describeEventStoreContract } from '../contract/index.js';
import { EsdbEventStore } from './esdb-event-store.js';

// `npm run test:esdb` with EVENTSTORE_CONNECTION_STRING set (e.g. `docker compose up eventstore`,
// then esdb://127.0.0.1:2113?tls=false): the same contract against a real EventStoreDB / KurrentDB.
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString) {
  describeEventStoreContract(`eventstoredb (real server at ${connectionString.replace(/\/\/[^@/]*@/, '//***@')})`, async () => {
    const store = new EsdbEventStore({ connectionString });
    return { store, cleanup: () => store.close() };
  });
} else {
  describe.skip('EventStore contract against a real EventStoreDB', () => {
    it('runs when EVENTSTORE_CONNECTION_STRING is set (npm run test:esdb)', () => undefined);
  });
}
