/** One press of Send: the id the server dedupes on, and whom it texts. */
export interface Gesture {
  readonly id: string;
  readonly contactId: string;
}

/**
 * How long a new contact is on screen before Send takes a press: the second
 * half of a double press (or a bounce) must not text someone nobody has seen.
 */
export const LOOK_MS = 400;

/** How a press ended, as far as the screen can tell. */
export type PressEnd = 'answered' | 'unknown';

/**
 * The legal core of P2P texting is one human action per message; this keeps
 * the screen's side of it. A press makes a gesture only when none is in
 * flight, so a double press or a bouncing key sends once, and not in the
 * first LOOK_MS after a contact appears, so the second half of a double press
 * does not text the next person. A press whose answer never came (network
 * lost) leaves its gesture open: the next press for the same contact is a
 * retry with the same id, so the server sends at most once whatever happened
 * to the first. Once the server has answered, a new press is a new gesture.
 */
export class SendPresses {
  private inFlight: Gesture | null = null;
  private unanswered: Gesture | null = null;
  private shownAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly lookMs = LOOK_MS,
  ) {}

  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** A (new) contact is on screen from `now` (milliseconds, any clock the presses use too). */
  shown(now: number): void {
    this.shownAt = now;
  }

  /** The gesture to send, or null when a press is already on its way or the contact has only just appeared. */
  press(contactId: string, now: number): Gesture | null {
    if (this.inFlight || now - this.shownAt < this.lookMs) return null;
    const retry = this.unanswered?.contactId === contactId ? this.unanswered : null;
    this.inFlight = retry ?? { id: this.newId(), contactId };
    return this.inFlight;
  }

  /** The press's answer came (sent or refused), or it never did ('unknown'). */
  end(gesture: Gesture, how: PressEnd): void {
    if (this.inFlight?.id !== gesture.id) return;
    this.inFlight = null;
    this.unanswered = how === 'unknown' ? gesture : null;
  }
}

/** The parts of a keyboard event that decide whether it is a press of Send. */
export interface KeyPress {
  key: string;
  repeat: boolean;
  isComposing: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** The focused element's tag (upper case, as the DOM gives it) and whether it takes typing. */
  targetTag: string;
  targetEditable: boolean;
}

/**
 * Enter sends, once per key press: a held key's repeats are not presses, and
 * Enter typed into a field, a select, a link, a disclosure or another button
 * (or finishing an IME composition) belongs to that element.
 */
export function isSendKey(event: KeyPress, sendButtonFocused: boolean): boolean {
  if (event.key !== 'Enter' || event.repeat || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
  if (event.targetEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'A', 'SUMMARY'].includes(event.targetTag)) return false;
  return event.targetTag !== 'BUTTON' || sendButtonFocused;
}
