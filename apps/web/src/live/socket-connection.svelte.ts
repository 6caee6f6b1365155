import { io, type Socket } from 'socket.io-client';
import { SOCKET_EVENTS } from '@textbank/contracts';
import { followLive, type FollowOptions, type LiveSocket } from './follow-live';

export type ConnectionStatus = 'offline' | 'connecting' | 'live' | 'reconnecting';

/** How long to wait for the server to acknowledge a sync before releasing held changes. */
const SYNC_TIMEOUT_MS = 10_000;

/** The app's one socket (the other app-wide store is the session). */
class SocketConnection {
  status = $state<ConnectionStatus>('offline');
  private socket: Socket | null = null;

  /** Opens on sign-in: the handshake carries the session cookie. */
  open(): Socket {
    if (this.socket) return this.socket;
    const socket = io({ withCredentials: true });
    this.status = 'connecting';
    socket.on('connect', () => (this.status = 'live'));
    // `active` is false once the client gave up or the server refused the session.
    socket.on('disconnect', () => (this.status = socket.active ? 'reconnecting' : 'offline'));
    socket.on('connect_error', () => (this.status = socket.active ? 'reconnecting' : 'offline'));
    this.socket = socket;
    return socket;
  }

  close(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.status = 'offline';
  }

  follow(options: FollowOptions): () => void {
    return followLive(asLiveSocket(this.open()), options);
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
