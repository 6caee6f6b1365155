import type { Change, SyncRequest } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { followLive, type LiveSocket } from './follow-live';

/** A socket whose connects, pushes and sync answers the test drives by hand. */
class FakeSocket implements LiveSocket {
  connected = false;
  syncs: { request: SyncRequest; answer(reply: unknown): void; refuse(): void }[] = [];
  private connectListeners = new Set<() => void>();
  private changeListeners = new Set<(raw: unknown) => void>();

  isConnected = () => this.connected;
  onConnect(listener: () => void) {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }
  onChange(listener: (raw: unknown) => void) {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }
  sync(request: SyncRequest) {
    return new Promise<unknown>((resolve, reject) => this.syncs.push({ request, answer: resolve, refuse: () => reject(new Error('timeout')) }));
  }
  connect() {
    this.connected = true;
    this.connectListeners.forEach((listener) => listener());
  }
  disconnect() {
    this.connected = false;
  }
  push(change: unknown) {
    this.changeListeners.forEach((listener) => listener(change));
  }
}

const event = (position: string): Change => ({
  kind: 'event.appended',
  topic: 'event-log',
  position,
  payload: { position, id: `e${position}`, type: 'T', stream: 's-1', revision: 0, actor: null, time: '2025-01-01T00:00:00Z', data: null },
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function follow(socket: FakeSocket, since = '10') {
  const applied: string[] = [];
  const failures: string[] = [];
  const stop = followLive(socket, {
    topics: ['event-log'],
    since,
    onChange: (change) => applied.push(change.position),
    onSyncFailed: (problem) => failures.push(problem),
  });
  return { applied, failures, stop };
}

describe('followLive', () => {
  it('syncs from the REST position on connect and applies the replay', async () => {
    const socket = new FakeSocket();
    const { applied } = follow(socket, '10');
    socket.connect();
    expect(socket.syncs[0]?.request).toEqual({ topics: ['event-log'], since: '10' });
    socket.syncs[0]?.answer({ ok: true, changes: [event('10'), event('11'), event('12')], position: '12' });
    await settle();
    expect(applied).toEqual(['11', '12']);
  });

  it('applies a replay cut short at its limit, then says the screen must be reloaded', async () => {
    const socket = new FakeSocket();
    const { applied, failures } = follow(socket, '10');
    socket.connect();
    socket.syncs[0]?.answer({ ok: true, changes: [event('11')], position: '90', complete: false });
    await settle();
    expect(applied).toEqual(['11']);
    expect(failures).toEqual([expect.stringContaining('reload')]);
  });

  it('syncs at once when the socket is already connected', () => {
    const socket = new FakeSocket();
    socket.connected = true;
    follow(socket, '3');
    expect(socket.syncs.map((sync) => sync.request.since)).toEqual(['3']);
  });

  it('after a reconnect, syncs from the highest change applied so nothing is missed or repeated', async () => {
    const socket = new FakeSocket();
    const { applied } = follow(socket, '10');
    socket.connect();
    socket.syncs[0]?.answer({ ok: true, changes: [], position: '10' });
    await settle();
    socket.push(event('11'));
    socket.push(event('12'));
    socket.disconnect();
    socket.connect();
    expect(socket.syncs[1]?.request.since).toBe('12');
    socket.syncs[1]?.answer({ ok: true, changes: [event('12'), event('13')], position: '13' });
    await settle();
    expect(applied).toEqual(['11', '12', '13']);
  });

  it('does not let a live change overtake the replay it arrives during', async () => {
    const socket = new FakeSocket();
    const { applied } = follow(socket, '10');
    socket.connect();
    socket.push(event('13'));
    expect(applied).toEqual([]);
    socket.syncs[0]?.answer({ ok: true, changes: [event('11'), event('12')], position: '13' });
    await settle();
    expect(applied).toEqual(['11', '12', '13']);
  });

  it('ignores an answer to a sync that a newer sync replaced', async () => {
    const socket = new FakeSocket();
    const { applied } = follow(socket, '10');
    socket.connect();
    socket.connect();
    socket.syncs[0]?.answer({ ok: true, changes: [event('11')], position: '11' });
    await settle();
    expect(applied).toEqual([]);
    socket.syncs[1]?.answer({ ok: true, changes: [event('11')], position: '11' });
    await settle();
    expect(applied).toEqual(['11']);
  });

  it('reports a refused or unanswered sync and keeps live changes flowing', async () => {
    const socket = new FakeSocket();
    const { applied, failures } = follow(socket, '10');
    socket.connect();
    socket.push(event('11'));
    socket.syncs[0]?.answer({ ok: false, error: 'forbidden topic' });
    await settle();
    expect(failures).toEqual(['forbidden topic']);
    expect(applied).toEqual(['11']);
    socket.connect();
    socket.syncs[1]?.refuse();
    await settle();
    expect(failures).toHaveLength(2);
  });

  it('drops malformed pushes and stops applying once stopped', async () => {
    const socket = new FakeSocket();
    const { applied, stop } = follow(socket, '10');
    socket.connect();
    socket.syncs[0]?.answer({ ok: true, changes: [], position: '10' });
    await settle();
    socket.push({ kind: 'event.appended', position: '11' });
    expect(applied).toEqual([]);
    stop();
    socket.push(event('12'));
    socket.connect();
    expect(applied).toEqual([]);
    expect(socket.syncs).toHaveLength(1);
  });
});
