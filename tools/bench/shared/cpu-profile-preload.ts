/**
 * Loaded into the API child with `--import` when a bench profiles it
 * (BENCH_API_CPU_PROFILE): V8's sampling profiler, started and stopped over
 * the IPC channel so the profile covers the measured window only, not the
 * start-up or the contact upload. Never loaded otherwise.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const SAMPLING_INTERVAL_US = 250;

const session = new Session();
session.connect();

process.on('message', (message: { type?: string; path?: string }) => {
  void handle(message).catch((error: unknown) => process.send?.({ type: 'profile:failed', error: error instanceof Error ? error.message : String(error) }));
});
// The channel must not keep the API alive once it shuts down.
process.channel?.unref();

async function handle(message: { type?: string; path?: string }): Promise<void> {
  if (message.type === 'profile:start') {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await session.post('Profiler.start');
    process.send?.({ type: 'profile:started' });
  } else if (message.type === 'profile:stop' && message.path) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(message.path, JSON.stringify(profile));
    process.send?.({ type: 'profile:written', path: message.path });
  }
}
