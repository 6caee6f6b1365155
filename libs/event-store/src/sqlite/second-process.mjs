// A second OS process on the same database file, for tests of what one process sees of
// another's writes. Loads the adapter from source through Vite, as the tests do.
// Usage: node second-process.mjs <db path> delete|read <stream>; prints the outcome as JSON.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const [path, command, stream] = process.argv.slice(2);
const source = fileURLToPath(new URL('./sqlite-event-store.ts', import.meta.url));
const { module } = await runnerImport(source, { configFile: false, logLevel: 'silent' });
const store = new module.SqliteEventStore({ path, checkpointInWorker: false });
try {
  if (command === 'delete') {
    await store.deleteStream(stream);
    console.log(JSON.stringify('deleted'));
  } else if (command === 'read') {
    const events = await store.readStream(stream).catch((error) => error);
    const outcome = Array.isArray(events) ? events.map((e) => [e.type, Number(e.revision)]) : events.name;
    console.log(JSON.stringify(outcome));
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await store.close();
}
