import { getContext, setContext } from 'svelte';
import type { ConnectionStatus } from './socket-connection.svelte';

const KEY = Symbol('writes-paused');

/**
 * Offline means the screen may be stale and a change could be made against
 * it: the app dims the screen and write buttons wait for the connection.
 * 'connecting' is the first moment after sign-in, not a loss.
 */
export function isOffline(status: ConnectionStatus): boolean {
  return status === 'reconnecting' || status === 'offline';
}

/** The app says, for every screen below it, whether changes are paused. */
export function provideWritesPaused(paused: () => boolean): void {
  setContext(KEY, paused);
}

/** Whether write buttons should wait; always false outside the app (component specs). */
export function writesPaused(): () => boolean {
  return getContext<(() => boolean) | undefined>(KEY) ?? (() => false);
}
