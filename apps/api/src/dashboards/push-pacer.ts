/**
 * Paces pushes: the first change after a quiet spell goes out at once, later
 * ones wait so that a room hears at most one update per `intervalMs`; a tick
 * every `heartbeatMs` re-reads views even without changes, since some
 * numbers move with the clock alone (how old a reply is, the alarm's window).
 */
export class PushPacer {
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private last = -Infinity;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs: number,
    private readonly heartbeatMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(): void {
    this.heartbeat = setInterval(() => this.changed(), this.heartbeatMs).unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    this.timer = undefined;
  }

  /** Something changed: flush now if the last flush is old enough, else once the interval is up. */
  changed(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = this.now();
      this.flush();
    }, wait);
    this.timer.unref?.();
  }
}
