import type { SessionDoubt } from '../live/socket-connection.svelte';

export interface DoubtfulConnection {
  onSessionDoubt(listener: (doubt: SessionDoubt) => void): () => void;
  resume(): void;
}

export interface RecheckableSession {
  /** False once the server says the session is gone. */
  recheck(): Promise<boolean>;
}

/**
 * The server tells a person their role changed or they were suspended by
 * ending their socket. Each time that may have happened, ask GET /api/session
 * again: the screens re-render for the new role (their guard redirects), or
 * the app goes to sign-in. Only a socket the server ended needs resuming;
 * after a refused handshake it is not retried, or a refusal would loop.
 */
export function keepSessionCurrent(connection: DoubtfulConnection, session: RecheckableSession): () => void {
  return connection.onSessionDoubt((doubt) => {
    void session.recheck().then((stillSignedIn) => {
      if (stillSignedIn && doubt === 'server-disconnect') connection.resume();
    });
  });
}
