import { describe, expect, it, vi } from 'vitest';
import type { SessionDoubt } from '../live/socket-connection.svelte';
import { keepSessionCurrent } from './keep-session-current';

function setUp(stillSignedIn: boolean) {
  let raise: (doubt: SessionDoubt) => void = () => {};
  const connection = {
    onSessionDoubt: (listener: (doubt: SessionDoubt) => void) => {
      raise = listener;
      return () => {};
    },
    resume: vi.fn(),
  };
  const session = { recheck: vi.fn(async () => stillSignedIn) };
  keepSessionCurrent(connection, session);
  return { raise: (doubt: SessionDoubt) => raise(doubt), connection, session };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepSessionCurrent', () => {
  it('rechecks the session and reconnects after the server ended the socket (a role change)', async () => {
    const { raise, connection, session } = setUp(true);
    raise('server-disconnect');
    await settle();
    expect(session.recheck).toHaveBeenCalledTimes(1);
    expect(connection.resume).toHaveBeenCalledTimes(1);
  });

  it('does not reconnect once the session is gone (a suspension)', async () => {
    const { raise, connection, session } = setUp(false);
    raise('server-disconnect');
    await settle();
    expect(session.recheck).toHaveBeenCalledTimes(1);
    expect(connection.resume).not.toHaveBeenCalled();
  });

  it('rechecks after a reconnect or a refused handshake without forcing a new connection', async () => {
    const { raise, connection, session } = setUp(true);
    raise('reconnected');
    raise('refused');
    await settle();
    expect(session.recheck).toHaveBeenCalledTimes(2);
    expect(connection.resume).not.toHaveBeenCalled();
  });
});
