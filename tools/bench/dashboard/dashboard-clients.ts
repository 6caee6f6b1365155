/**
 * Child process of the dashboard bench: opens the socket clients (admins on
 * campaign dashboards, volunteers on their homes), follows one topic each and
 * notes when each push arrives. Apart from the bench's event driver so that
 * neither's event loop delays the other's clocks.
 */
import type { DashboardFollowReply, DashboardPush } from '@textbank/contracts';
import { io, type Socket } from 'socket.io-client';
import { comparable, type DashboardClientReport, type DashboardFleetConfig, type FromDashboardFleet, type ToDashboardFleet } from './dashboard-messages.js';

const CONNECT_BATCH = 50;
const TIMEOUT_MS = 10_000;

interface Client {
  topic: string;
  positions: number[];
  receivedAt: number[];
  last: string;
}

const clients: Client[] = [];
const sockets: Socket[] = [];
let disconnects = 0;

const tell = (message: FromDashboardFleet, then?: () => void) => process.send!(message, undefined, {}, () => then?.());

function follow(config: DashboardFleetConfig, topic: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(config.url, { transports: ['websocket'], extraHeaders: { cookie: config.cookie }, forceNew: true, reconnection: false, timeout: TIMEOUT_MS });
    sockets.push(socket);
    const client: Client = { topic, positions: [], receivedAt: [], last: '' };
    clients.push(client);
    socket.on('dashboard', (push: DashboardPush) => {
      const now = Date.now();
      if (push.topic !== topic) return;
      client.positions.push(Number(push.view.position));
      client.receivedAt.push(now);
      client.last = comparable(push.view);
    });
    socket.on('disconnect', () => (disconnects += 1));
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      socket.timeout(TIMEOUT_MS).emit('dashboard:follow', { topics: [topic] }, (error: Error | null, reply: DashboardFollowReply) => {
        if (error) return reject(error);
        if (!reply.ok) return reject(new Error(`follow refused: ${reply.error}`));
        client.last = comparable(reply.views[0]!.view);
        resolve();
      });
    });
  });
}

async function start(config: DashboardFleetConfig): Promise<void> {
  const startedAt = performance.now();
  for (let i = 0; i < config.topics.length; i += CONNECT_BATCH) await Promise.all(config.topics.slice(i, i + CONNECT_BATCH).map((topic) => follow(config, topic)));
  tell({ type: 'ready', seconds: (performance.now() - startedAt) / 1000 });
}

function report(): void {
  const reports: DashboardClientReport[] = clients.map((c) => ({ topic: c.topic, positions: c.positions, receivedAt: c.receivedAt, last: c.last }));
  tell({ type: 'report', clients: reports, disconnects }, () => sockets.forEach((socket) => socket.disconnect()));
}

process.on('message', (message: ToDashboardFleet) => {
  if (message.type === 'start') start(message.config).catch((error: unknown) => tell({ type: 'failed', error: error instanceof Error ? error.message : String(error) }));
  else report();
});
process.on('disconnect', () => process.exit(0));
