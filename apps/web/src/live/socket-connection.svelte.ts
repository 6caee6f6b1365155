import { io, type Socket } from 'socket.io-client';
import { SOCKET_EVENTS } from '@textbank/contracts';
import { followLive, type FollowOptions, type LiveSocket } from './follow-live';

export type ConnectionStatus = 'offline' | 'connecting' | 'live' | 'reconnecting';

/**
 * Why the session behind the socket may have changed:
 * - `server-disconnect`: the server ended the socket on purpose (it does so when
 *   the person's role changes or they are suspended); Socket.IO will not reconnect by itself.
 * - `refused`: the server refused the handshake, so the cookie may no longer hold a session.
 * - `reconnected`: back after a drop, during which anything may have happened.
 */
export type SessionDoubt = 'server-disconnect' | 'refused' | 'reconnected';

/** How long to wait for the server to acknowledge a sync before releasing held changes. */
const SYNC_TIMEOUT_MS = 10_000;

/** How long a request over the socket waits for its ack before the caller falls back to HTTP. */
const ASK_TIMEOUT_MS = 8_000;

/** The app's one socket (the other app-wide store is the session). */
export class SocketConnection {
  status = $state<ConnectionStatus>('offline');
  private socket: Socket | null = null;
  private readonly doubtListeners = new Set<(doubt: SessionDoubt) => void>();

  /** Tests pass a fake socket; the app connects to its own origin. */
  constructor(private readonly connect: () => Socket = () => io({ withCredentials: true })) {}

  /** Opens on sign-in: the handshake carries the session cookie. */
  open(): Socket {
    if (this.socket) return this.socket;
    const socket = this.connect();
    let dropped = false;
    this.status = 'connecting';
    socket.on('connect', () => {
      this.status = 'live';
      if (dropped) this.doubt('reconnected');
      dropped = false;
    });
    // `active` is false once the client gave up or the server refused the session.
    socket.on('disconnect', (reason: string) => {
      this.status = socket.active ? 'reconnecting' : 'offline';
      if (reason === 'io server disconnect') this.doubt('server-disconnect');
      else if (reason !== 'io client disconnect') dropped = true;
    });
    socket.on('connect_error', () => {
      this.status = socket.active ? 'reconnecting' : 'offline';
      if (!socket.active) this.doubt('refused');
    });
    this.socket = socket;
    return socket;
  }

  /** Connects again after the server ended the socket, once the session is known to be still good. */
  resume(): void {
    if (!this.socket || this.socket.active) return;
    this.status = 'connecting';
    this.socket.connect();
  }

  close(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.status = 'offline';
  }

  onSessionDoubt(listener: (doubt: SessionDoubt) => void): () => void {
    this.doubtListeners.add(listener);
    return () => this.doubtListeners.delete(listener);
  }

  /**
   * Emits a request and resolves with the server's ack. Rejects at once when
   * not connected (Socket.IO would buffer it until a reconnect, long after the
   * person pressed), and when no ack comes in time: callers fall back to HTTP.
   */
  ask(event: string, payload: unknown, timeoutMs = ASK_TIMEOUT_MS): Promise<unknown> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.reject(new Error('not connected'));
    return socket.timeout(timeoutMs).emitWithAck(event, payload);
  }

  follow(options: FollowOptions): () => void {
    return followLive(asLiveSocket(this.open()), options);
  }

  private doubt(doubt: SessionDoubt): void {
    this.doubtListeners.forEach((listener) => listener(doubt));
  }
}

function asLiveSocket(socket: Socket): LiveSocket {
  return {
    isConnected: () => socket.connected,
    // A server that caught up without announcing changes asks for a sync as a (re)connect does.
    onConnect(listener) {
      socket.on('connect', listener);
      socket.on(SOCKET_EVENTS.resync, listener);
      return () => {
        socket.off('connect', listener);
        socket.off(SOCKET_EVENTS.resync, listener);
      };
    },
    onChange(listener) {
      socket.on(SOCKET_EVENTS.change, listener);
      return () => socket.off(SOCKET_EVENTS.change, listener);
    },
    sync: (request) => socket.timeout(SYNC_TIMEOUT_MS).emitWithAck(SOCKET_EVENTS.sync, request),
  };
}

export const connection = new SocketConnection();
