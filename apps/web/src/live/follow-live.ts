import { Change, SyncReply, type SyncRequest, type Topic } from '@textbank/contracts';
import { LiveFeed } from './live-feed';

/** The slice of a Socket.IO socket that following needs; tests pass a fake. */
export interface LiveSocket {
  isConnected(): boolean;
  /** Fires whenever the client must sync: every connect, reconnects included, and server resync requests. Returns a function that stops listening. */
  onConnect(listener: () => void): () => void;
  onChange(listener: (raw: unknown) => void): () => void;
  /** Emits 'sync' and resolves with the ack; rejects when no ack comes in time. */
  sync(request: SyncRequest): Promise<unknown>;
}

export interface FollowOptions {
  topics: readonly Topic[];
  /** The `position` of the REST load the screen is showing. */
  since: string;
  onChange(change: Change): void;
  onSyncFailed?(problem: string): void;
}

/**
 * Keeps a screen's data current: after every connect it asks the server for
 * what changed since the last change applied, then applies live changes.
 * Returns a function that stops following.
 */
export function followLive(socket: LiveSocket, options: FollowOptions): () => void {
  const feed = new LiveFeed(options.topics, options.since);
  let stopped = false;
  // Only the newest sync's answer counts: after a reconnect, an older answer may still arrive.
  let currentSync = 0;

  const apply = (changes: readonly Change[]) => {
    if (!stopped) changes.forEach((change) => options.onChange(change));
  };

  const fail = (problem: string) => {
    apply(feed.abandonSync());
    if (!stopped) options.onSyncFailed?.(problem);
  };

  const sync = async () => {
    const mine = ++currentSync;
    feed.beginSync();
    let raw: unknown;
    try {
      raw = await socket.sync(feed.syncRequest());
    } catch {
      if (mine === currentSync) fail('The server did not answer the sync request.');
      return;
    }
    if (mine !== currentSync) return;
    const reply = SyncReply.safeParse(raw);
    if (!reply.success) return fail('The server answered the sync request in an unexpected shape.');
    if (!reply.data.ok) return fail(reply.data.error);
    apply(feed.completeSync(reply.data.changes));
    // The server cut the replay short: what is on screen has gaps only a reload can fill.
    if (!reply.data.complete && !stopped) options.onSyncFailed?.('Too far behind to catch up live: reload the page.');
  };

  const stopChanges = socket.onChange((raw) => {
    const change = Change.safeParse(raw);
    if (change.success && options.topics.includes(change.data.topic)) apply(feed.receive(change.data));
  });
  const stopConnects = socket.onConnect(() => void sync());
  if (socket.isConnected()) void sync();

  return () => {
    stopped = true;
    stopChanges();
    stopConnects();
  };
}
