/**
 * Child process of the push bench: opens the socket clients, follows one
 * campaign each, and notes when each change arrives. It runs apart from the
 * bench's command driver so that neither's event loop delays the other's clocks.
 */
import type { Change, SyncReply } from '@textbank/contracts';
import { io, type Socket } from 'socket.io-client';
import type { FleetConfig, FromFleet, ToFleet } from './fleet-messages.js';

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 10_000;
const PROGRESS_INTERVAL_MS = 250;

const positions: string[] = [];
const receivedAt: number[] = [];
const sockets: Socket[] = [];
let duplicates = 0;
let misrouted = 0;
let disconnects = 0;
let progressTimer: NodeJS.Timeout | undefined;

const tell = (message: FromFleet, then?: () => void) => process.send!(message, undefined, {}, () => then?.());

/** Connects one client and syncs it to one campaign; resolves once the sync is acknowledged. */
function follow(config: FleetConfig, campaignId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(config.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: config.cookie },
      forceNew: true,
      // A dropped client must show up as missing deliveries, not be papered over by a reconnect.
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
    });
    sockets.push(socket);
    const seen = new Set<string>();
    socket.on('change', (change: Change) => {
      const now = Date.now();
      if (change.kind !== 'campaign.upserted' || change.payload.id !== campaignId) misrouted += 1;
      if (seen.has(change.position)) duplicates += 1;
      seen.add(change.position);
      positions.push(change.position);
      receivedAt.push(now);
    });
    socket.on('disconnect', () => (disconnects += 1));
    socket.once('connect_error', (error) => reject(error));
    socket.once('connect', () => {
      socket.timeout(CONNECT_TIMEOUT_MS).emit('sync', { topics: [`campaign:${campaignId}`], since: '0' }, (error: Error | null, reply: SyncReply) => {
        if (error) reject(error);
        else if (!reply.ok) reject(new Error(`sync refused: ${reply.error}`));
        else resolve();
      });
    });
  });
}

async function start(config: FleetConfig): Promise<void> {
  const startedAt = performance.now();
  const followers = config.campaignIds.flatMap((id) => Array.from({ length: config.clientsPerCampaign }, () => id));
  // In batches: 500 simultaneous handshakes would measure the connect storm, not the pushes.
  for (let i = 0; i < followers.length; i += CONNECT_BATCH) {
    await Promise.all(followers.slice(i, i + CONNECT_BATCH).map((id) => follow(config, id)));
  }
  progressTimer = setInterval(() => tell({ type: 'progress', received: positions.length }), PROGRESS_INTERVAL_MS);
  tell({ type: 'ready', clients: sockets.length, seconds: (performance.now() - startedAt) / 1000 });
}

function report(): void {
  clearInterval(progressTimer);
  // No exit here: the bench stops this process once it has the report (an exit could overtake a long message).
  tell({ type: 'report', positions, receivedAt, duplicates, misrouted, disconnects }, () => {
    for (const socket of sockets) socket.disconnect();
  });
}

process.on('message', (message: ToFleet) => {
  if (message.type === 'start') {
    start(message.config).catch((error: unknown) => {
      tell({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    });
  } else report();
});
// The bench went away (finished, failed or killed): nothing left to report to.
process.on('disconnect', () => process.exit(0));
