import type { Change, SyncReply } from '@textbank/contracts';
import type { Agent } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { createVolunteerInvite, sessionCookieOf, UnexpectedResponseError, type ApiSession } from './api-session.js';
import { sendJson } from './http-json.js';

const CONNECT_TIMEOUT_MS = 10_000;
/** Joins at once: each is a password hash, and the machine has two cores. */
const JOIN_CONCURRENCY = 4;

/** A volunteer signed in on their own device: their session, and (once connected) their inbox's socket. */
export interface Texter {
  readonly id: string;
  readonly name: string;
  readonly session: ApiSession;
}

/** `count` volunteers join through one invite link, a few at a time; each keeps the session the join started. */
export async function joinTexters(owner: ApiSession, count: number, agent: Agent): Promise<Texter[]> {
  const invite = await createVolunteerInvite(owner, count);
  const texters: Texter[] = new Array(count);
  let nextIndex = 0;
  const worker = async () => {
    for (let index = nextIndex++; index < count; index = nextIndex++) {
      const name = `Texter${index} Bench`;
      const response = await sendJson(agent, {
        method: 'POST',
        url: `${owner.url}/api/join/${invite.token}`,
        body: { name, email: `texter-${index}@example.org`, password: `texter-password-${index}-long-enough` },
      });
      const cookie = sessionCookieOf(response);
      const id = (response.body as { person?: { id?: unknown } } | undefined)?.person?.id;
      if (response.status !== 201 || !cookie || typeof id !== 'string') throw new UnexpectedResponseError('POST /api/join/<token>', response);
      texters[index] = { id, name, session: { url: owner.url, agent, cookie } };
    }
  };
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, worker));
  return texters;
}

/** A socket following some topics, counting what it hears. */
export interface FollowingSocket {
  readonly socket: Socket;
  /** Changes received so far. */
  changes: number;
  disconnects: number;
}

/** Opens a socket with a session's cookie and syncs it to `topics` from the start, as the web app does on load. */
export function follow(session: ApiSession, topics: string[]): Promise<FollowingSocket> {
  return new Promise((resolve, reject) => {
    const socket = io(session.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: session.cookie },
      forceNew: true,
      // A dropped socket must show up in the report, not be papered over by a reconnect.
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
    });
    const following: FollowingSocket = { socket, changes: 0, disconnects: 0 };
    socket.on('change', (_change: Change) => (following.changes += 1));
    socket.on('disconnect', () => (following.disconnects += 1));
    socket.once('connect_error', (error) => reject(error));
    socket.once('connect', () => {
      socket.timeout(CONNECT_TIMEOUT_MS).emit('sync', { topics, since: '0' }, (error: Error | null, reply: SyncReply) => {
        if (error) reject(error);
        else if (!reply.ok) reject(new Error(`sync ${topics.join(', ')} refused: ${reply.error}`));
        else resolve(following);
      });
    });
  });
}
