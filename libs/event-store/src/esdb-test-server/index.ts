export { EsdbTestServer, Faults, type EsdbTestServerOptions } from './esdb-test-server.js';
