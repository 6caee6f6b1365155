/** Carrier limits per sender, from configuration (SMS_RATE_PER_SECOND, SMS_DAILY_CAP); unset: no limit. */
export interface PacingLimits {
  readonly perSecond: number | undefined;
  readonly perDay: number | undefined;
}

/** Where the day's counts live, so a restart does not hand out a second day's worth (dispatch.db). */
export interface DailyCounts {
  sentOn(sender: string, day: string): number;
  countSend(sender: string, day: string): void;
}

/**
 * Arrivals at the carrier jitter (a busy moment here, the network): the
 * window is kept wider by one spacing, from 30 to 100 ms, so a late request
 * followed by a prompt one still never puts one text too many into any
 * one-second window there. It costs 3% of the throughput at 1,000/s, 5% at
 * 20/s, 9% at 1/s.
 */
const windowMsFor = (perSecond: number) => 1000 + Math.min(100, Math.max(30, 1000 / perSecond));

/**
 * A request answered later than the sender's quickest of late (over its last
 * 101 answers) may have reached the carrier that much later: a cold connection
 * (the first requests after a start reached the fake Twilio up to 59 ms late,
 * and a second there held 1,004), a busy moment here. The send a window after
 * it waits by as much beyond the window's margin, but at most this much more:
 * a slow answer is mostly the provider's own work (against a real provider,
 * not measured here), which must not cost the pace much. Still unanswered, it counts as
 * late by the time it has taken so far.
 */
const MAX_LATE_MS = 100;
const IN_FLIGHT_POLL_MS = 5;
/** Answers the quickest is taken over. */
const QUICKEST_OF = 101;

const DAY_MS = 86_400_000;
/**
 * Where sends are spaced closer than a busy event loop's timers fire (a 1 ms
 * timer fires every few ms), a late timer is made up by letting the next sends
 * go at once, never a burst of more than this much of the schedule; the
 * sliding window still caps every second. Measured: 1,000/s went from 610 to
 * 913 a second. Slower paces are not made up: there the lateness is small, and
 * running right at the window's edge would leave only its margin for the
 * network's jitter.
 */
const CATCH_UP_MS = 20;
const CATCH_UP_BELOW_SPACING_MS = 10;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** One send's start, and how long its request took to be answered once it was. */
interface Start {
  readonly went: number;
  tookMs?: number;
}

/** A slot handed out: how long it waited, and the call to make once the provider answered (`sent` false: nothing went out on it). */
export interface Slot {
  readonly waitedMs: number;
  answered(sent?: boolean): void;
}

/** A sender's quickest answer of late: the minimum over its last answers. */
class QuickestAnswer {
  private readonly last: number[] = [];
  private next = 0;
  ms = 0;

  add(ms: number): void {
    this.last[this.next] = ms;
    this.next = (this.next + 1) % QUICKEST_OF;
    this.ms = Math.min(...this.last);
  }
}

/**
 * Hands out send slots per sender: at most `perSecond` sends start in any
 * window of a second (a sliding window over the start times, reserved in
 * order so concurrent senders never overbook it, and spaced evenly), and at most `perDay` per
 * UTC day (counted in dispatch.db). A new process starts sending a full
 * window after it started, so the sends of the process before it (a crash, a
 * restart) are out of every window it fills. Messages waiting for a slot
 * stay undispatched in the log: the dispatcher's checkpoint does not pass
 * them, so the queue survives a crash.
 */
export class SenderPacer {
  private readonly recent = new Map<string, Start[]>();
  private readonly quickest = new Map<string, QuickestAnswer>();
  private readonly waiting = new Map<string, number>();
  private readonly turns = new Map<string, Promise<void>>();
  /** When each sender's next send is due on the even schedule. */
  private readonly due = new Map<string, number>();
  private readonly notBefore: number;
  private readonly windowMs: number;

  constructor(
    private readonly limits: PacingLimits,
    private readonly counts: DailyCounts,
    private readonly clock: () => Date,
  ) {
    this.windowMs = limits.perSecond ? windowMsFor(limits.perSecond) : 0;
    this.notBefore = Date.now() + this.windowMs;
  }

  /** Messages holding for a slot right now, per sender. */
  waitingBySender(): ReadonlyMap<string, number> {
    return this.waiting;
  }

  /**
   * Waits for the sender's next slot and answers how long it waited (ms) and
   * the call to make once the provider answered; `stopping` ends the wait
   * early ('stopped').
   */
  async slot(sender: string, stopping: Promise<'stopped'>): Promise<Slot | 'stopped'> {
    const started = Date.now();
    this.waiting.set(sender, (this.waiting.get(sender) ?? 0) + 1);
    try {
      for (;;) {
        const capWait = this.untilDayHasRoom(sender);
        if (capWait === 0) break;
        if ((await Promise.race([sleep(capWait), stopping])) === 'stopped') return 'stopped';
      }
      // Counted as it is reserved: the day's cap holds even for sends in flight together.
      if (this.limits.perDay) this.counts.countSend(sender, this.day());
      // One waiter at a time per sender, each timed from the one before: a timer that fires late pushes the
      // next ones back, except at fast paces, where a short burst makes it up (CATCH_UP_MS).
      const turn = (this.turns.get(sender) ?? Promise.resolve()).then(() => this.takeTurn(sender));
      this.turns.set(sender, turn.then(() => undefined));
      const start = await Promise.race([turn, stopping]);
      if (start === 'stopped') return 'stopped';
      return { waitedMs: Date.now() - started, answered: (sent = true) => this.answered(sender, start, sent) };
    } finally {
      this.waiting.set(sender, this.waiting.get(sender)! - 1);
    }
  }

  /** Waits until a send keeps `perSecond` starts per window and is spaced from the last, then records when it went. */
  private async takeTurn(sender: string): Promise<Start | undefined> {
    const perSecond = this.limits.perSecond;
    if (!perSecond) return undefined;
    const starts = this.recent.get(sender) ?? [];
    this.recent.set(sender, starts);
    const earlier = starts.length >= perSecond ? starts[starts.length - perSecond]! : undefined;
    // Evenly spaced, not in bursts: a burst that meets a busy moment reaches the carrier bunched up.
    const due = Math.max(this.notBefore, this.due.get(sender) ?? 0);
    for (;;) {
      const wait = Math.max(due, earlier ? this.windowEnd(sender, earlier) : 0) - Date.now();
      if (wait <= 0) break;
      // Still unanswered, its window's end moves with the clock: look again soon.
      await sleep(earlier && earlier.tookMs === undefined ? Math.min(wait, IN_FLIGHT_POLL_MS) : wait);
    }
    const start: Start = { went: Date.now() };
    starts.push(start);
    const spacing = this.windowMs / perSecond;
    this.due.set(sender, (spacing < CATCH_UP_BELOW_SPACING_MS ? Math.max(due, start.went - CATCH_UP_MS) : start.went) + spacing);
    if (starts.length > perSecond * 2) starts.splice(0, starts.length - perSecond);
    return start;
  }

  /** When `start` leaves the window: its window, longer by how much later than the quickest its request was answered (beyond the margin, capped). */
  private windowEnd(sender: string, start: Start): number {
    const took = start.tookMs ?? Date.now() - start.went;
    const late = Math.min(MAX_LATE_MS, took - (this.quickest.get(sender)?.ms ?? 0));
    return start.went + Math.max(this.windowMs, 1000 + late);
  }

  private answered(sender: string, start: Start | undefined, sent: boolean): void {
    if (!start || start.tookMs !== undefined) return;
    if (!sent) return void (start.tookMs = 0);
    start.tookMs = Date.now() - start.went;
    let quickest = this.quickest.get(sender);
    if (!quickest) this.quickest.set(sender, (quickest = new QuickestAnswer()));
    quickest.add(start.tookMs);
  }

  /** 0 when the sender may send today; otherwise how long until the next UTC day. */
  private untilDayHasRoom(sender: string): number {
    if (!this.limits.perDay || this.counts.sentOn(sender, this.day()) < this.limits.perDay) return 0;
    const now = this.clock().getTime();
    return Math.min(60_000, DAY_MS - (now % DAY_MS));
  }

  private day(): string {
    return this.clock().toISOString().slice(0, 10);
  }
}
