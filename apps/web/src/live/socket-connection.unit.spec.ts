import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { SocketConnection, type SessionDoubt } from './socket-connection.svelte';

/** The part of a Socket.IO client socket the connection listens to, driven by hand. */
class FakeSocket {
  active = true;
  connected = false;
  connects = 0;
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();

  on(event: string, listener: (...args: unknown[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }
  off(event: string, listener: (...args: unknown[]) => void) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    this.listeners.get(event)?.forEach((listener) => listener(...args));
  }
  connect() {
    this.active = true;
    this.connects += 1;
  }
  disconnect() {
    this.active = false;
    this.emit('disconnect', 'io client disconnect');
  }
  /** What Socket.IO does when the server ends the socket: no automatic reconnect. */
  endedByServer() {
    this.active = false;
    this.connected = false;
    this.emit('disconnect', 'io server disconnect');
  }
}

function opened() {
  const socket = new FakeSocket();
  const connection = new SocketConnection(() => socket as unknown as Socket);
  const doubts: SessionDoubt[] = [];
  connection.onSessionDoubt((doubt) => doubts.push(doubt));
  connection.open();
  return { socket, connection, doubts };
}

describe('SocketConnection', () => {
  it('doubts the session when the server ends the socket, and resumes only when asked', () => {
    const { socket, connection, doubts } = opened();
    socket.emit('connect');
    socket.endedByServer();
    expect(doubts).toEqual(['server-disconnect']);
    expect(connection.status).toBe('offline');
    expect(socket.connects).toBe(0);
    connection.resume();
    expect(socket.connects).toBe(1);
    expect(connection.status).toBe('connecting');
    socket.emit('connect');
    // The resumed connect follows a doubt already raised: no second session check.
    expect(doubts).toEqual(['server-disconnect']);
  });

  it('doubts the session after coming back from a dropped transport, not on the first connect', () => {
    const { socket, doubts, connection } = opened();
    socket.emit('connect');
    expect(doubts).toEqual([]);
    socket.emit('disconnect', 'transport close');
    expect(connection.status).toBe('reconnecting');
    socket.emit('connect');
    expect(doubts).toEqual(['reconnected']);
    expect(connection.status).toBe('live');
  });

  it('doubts the session when the server refuses the handshake, but not on a retry in progress', () => {
    const { socket, doubts } = opened();
    socket.emit('connect_error', new Error('xhr poll error'));
    expect(doubts).toEqual([]);
    socket.active = false;
    socket.emit('connect_error', new Error('unauthorized'));
    expect(doubts).toEqual(['refused']);
  });

  it('raises no doubt when the app closes the socket itself, and does not resume a closed one', () => {
    const { socket, connection, doubts } = opened();
    socket.emit('connect');
    connection.close();
    connection.resume();
    expect(doubts).toEqual([]);
    expect(socket.connects).toBe(0);
  });

  it('does not reconnect a socket that is still active', () => {
    const { socket, connection } = opened();
    connection.resume();
    expect(socket.connects).toBe(0);
  });

  it('asks over the socket only while connected, rather than queue a request until some later reconnect', async () => {
    const { socket, connection } = opened();
    await expect(connection.ask('texting:send', {})).rejects.toThrow('not connected');
    const asked: unknown[] = [];
    Object.assign(socket, { timeout: () => ({ emitWithAck: async (event: string, payload: unknown) => (asked.push([event, payload]), { ok: true }) }) });
    socket.connected = true;
    expect(await connection.ask('texting:send', { contactId: 'k' })).toEqual({ ok: true });
    expect(asked).toEqual([['texting:send', { contactId: 'k' }]]);
  });
});
