import type { SessionView } from '@textbank/contracts';
import { onSessionLost, requestsSentSoFar } from '../api/api-client';
import { fetchSession, fetchSetupStatus } from './session-api';

/** Which gate the app is at; only 'signed-in' shows the app's screens. */
export type SessionPhase = 'checking' | 'unreachable' | 'setup' | 'signed-out' | 'signed-in';

/** Shown on the sign-in screen when the server ended the session (suspension, expiry), not the person. */
export const SIGNED_OUT_BY_SERVER = 'You were signed out.';

/** Who is signed in. One of the two app-wide stores (with the socket connection). */
class Session {
  phase = $state<SessionPhase>('checking');
  view = $state<SessionView | null>(null);
  problem = $state('');
  /** Why the app is at sign-in without the person having asked; '' after a sign-out they chose. */
  signedOutReason = $state('');
  // Every change of who is signed in bumps this, so an answer to an older
  // check (slower than a join or sign-in that finished meanwhile) is dropped.
  private generation = 0;
  // Requests numbered up to this were sent before the current person signed in.
  private signedInAfter = 0;

  /** Session first: it is the common case; only a signed-out visitor needs the setup check. */
  async check(): Promise<void> {
    const mine = ++this.generation;
    this.phase = 'checking';
    const current = await fetchSession();
    if (mine !== this.generation) return;
    if (current.ok) return this.signedIn(current.value);
    if (current.error.statusCode !== 401) return this.unreachable(current.error.message);
    const setup = await fetchSetupStatus();
    if (mine !== this.generation) return;
    if (!setup.ok) return this.unreachable(setup.error.message);
    this.phase = setup.value.needed ? 'setup' : 'signed-out';
  }

  /**
   * Asks the server again who is signed in, staying on the current screen:
   * a role change shows at once, a lost session goes to sign-in (through the
   * 401 listener below). False only when the session is known to be gone; a
   * network failure says nothing about it, so the screens stay.
   */
  async recheck(): Promise<boolean> {
    if (this.phase !== 'signed-in') return false;
    const mine = ++this.generation;
    const current = await fetchSession();
    if (mine !== this.generation) return this.phase === 'signed-in';
    if (current.ok) this.signedIn(current.value);
    return this.phase === 'signed-in';
  }

  signedIn(view: SessionView): void {
    this.generation++;
    // A recheck that finds the same person keeps the window: their older requests still speak for this session.
    if (this.phase !== 'signed-in' || this.view?.person.id !== view.person.id) this.signedInAfter = requestsSentSoFar();
    this.view = view;
    this.problem = '';
    this.signedOutReason = '';
    this.phase = 'signed-in';
  }

  signedOut(): void {
    this.generation++;
    this.view = null;
    this.signedOutReason = '';
    this.phase = 'signed-out';
  }

  /** The server ended the session: back to sign-in, saying why the screen changed. */
  lost(sentAs = Number.POSITIVE_INFINITY): void {
    if (this.phase !== 'signed-in' || sentAs <= this.signedInAfter) return;
    this.signedOut();
    this.signedOutReason = SIGNED_OUT_BY_SERVER;
  }

  private unreachable(problem: string): void {
    this.problem = problem;
    this.phase = 'unreachable';
  }
}

export const session = new Session();

// A 401 from any screen means the cookie expired or was revoked (a suspension ends every session at once).
onSessionLost((sentAs) => session.lost(sentAs));
