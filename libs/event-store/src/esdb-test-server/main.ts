import { parseArgs } from 'node:util';
import { EsdbTestServer } from './esdb-test-server.js';

/**
 * The protocol-level test server as its own process, for the multi-instance
 * test and the scale bench: `node dist/esdb-test-server/main.js --path
 * events.db [--port 2113] [--host 127.0.0.1]`. Prints `LISTENING <connection
 * string>` once it accepts calls; stops on SIGTERM / SIGINT.
 */
const { values } = parseArgs({
  options: { path: { type: 'string' }, port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } },
});
if (!values.path) {
  process.stderr.write('usage: main.js --path <events.db> [--port <port>] [--host <host>]\n');
  process.exit(2);
}
const server = await EsdbTestServer.start({ path: values.path, port: Number(values.port), host: values.host });
process.stdout.write(`LISTENING ${server.connectionString}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
