import type { SessionView } from '@textbank/contracts';
import { onSessionLost } from '../api/api-client';
import { fetchSession, fetchSetupStatus } from './session-api';

/** Which gate the app is at; only 'signed-in' shows the app's screens. */
export type SessionPhase = 'checking' | 'unreachable' | 'setup' | 'signed-out' | 'signed-in';

/** Who is signed in. One of the two app-wide stores (with the socket connection). */
class Session {
  phase = $state<SessionPhase>('checking');
  view = $state<SessionView | null>(null);
  problem = $state('');

  /** Session first: it is the common case; only a signed-out visitor needs the setup check. */
  async check(): Promise<void> {
    this.phase = 'checking';
    const current = await fetchSession();
    if (current.ok) return this.signedIn(current.value);
    if (current.error.statusCode !== 401) return this.unreachable(current.error.message);
    const setup = await fetchSetupStatus();
    if (!setup.ok) return this.unreachable(setup.error.message);
    this.phase = setup.value.needed ? 'setup' : 'signed-out';
  }

  signedIn(view: SessionView): void {
    this.view = view;
    this.problem = '';
    this.phase = 'signed-in';
  }

  signedOut(): void {
    this.view = null;
    this.phase = 'signed-out';
  }

  private unreachable(problem: string): void {
    this.problem = problem;
    this.phase = 'unreachable';
  }
}

export const session = new Session();

// A 401 from any screen means the cookie expired or was revoked: back to sign-in.
onSessionLost(() => {
  if (session.phase === 'signed-in') session.signedOut();
});
