import { describe, expect, it } from 'vitest';
import { SenderPacer, type DailyCounts, type Slot } from './sender-pacer.js';

/** The day's counts as dispatch.db keeps them, shared by the pacers of two processes in a row. */
function counts(): DailyCounts & { readonly rows: Map<string, number> } {
  const rows = new Map<string, number>();
  return { rows, sentOn: (sender, day) => rows.get(`${sender}|${day}`) ?? 0, countSend: (sender, day) => void rows.set(`${sender}|${day}`, (rows.get(`${sender}|${day}`) ?? 0) + 1) };
}
const clock = () => new Date('2026-07-15T18:00:00Z');
const stopper = () => {
  let stop!: () => void;
  const stopping = new Promise<'stopped'>((resolve) => (stop = () => resolve('stopped')));
  return { stopping, stop };
};
const answer = (slot: Slot | 'stopped') => slot !== 'stopped' && slot.answered();
const taken = (slot: Slot | 'stopped') => {
  if (slot === 'stopped') throw new Error('stopped');
  return slot;
};
const settledWithin = async <T>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe('SenderPacer', () => {
  it('a daily cap holds across a restart: the counts live in dispatch.db, so a new process does not get a fresh day', async () => {
    const day = counts();
    const { stopping, stop } = stopper();
    const first = new SenderPacer({ perSecond: undefined, perDay: 2 }, day, clock);
    expect(await first.slot('+15005550006', stopping)).toHaveProperty('waitedMs');
    expect(await first.slot('+15005550006', stopping)).toHaveProperty('waitedMs');
    const restarted = new SenderPacer({ perSecond: undefined, perDay: 2 }, day, clock);
    const third = restarted.slot('+15005550006', stopping);
    expect(await settledWithin(third, 100)).toBe('pending');
    expect(restarted.waitingBySender().get('+15005550006')).toBe(1);
    // Another sender has its own cap.
    expect(await restarted.slot('+15005550007', stopping)).toHaveProperty('waitedMs');
    stop();
    expect(await third).toBe('stopped');
    expect(day.rows.get('+15005550006|2026-07-15')).toBe(2);
  });

  it('paces a sender: the 6th slot at 5 a second waits for the first one to leave the window; a new process waits a window before its first', async () => {
    const { stopping } = stopper();
    const pacer = new SenderPacer({ perSecond: 5, perDay: undefined }, counts(), clock);
    const started = Date.now();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      answer(await pacer.slot('MG1', stopping));
      waits.push(Date.now() - started);
    }
    // The first after a window (a restart never doubles one); then spaced; the 6th a window after the 1st.
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(waits[5]! - waits[0]!).toBeGreaterThanOrEqual(1_000);
  });

  it('at 1,000 a second, a busy event loop is made up by a short burst: it keeps the pace, and no window of a second holds more than the cap', async () => {
    const { stopping } = stopper();
    const pacer = new SenderPacer({ perSecond: 1_000, perDay: undefined }, counts(), clock);
    const starts: number[] = [];
    const busy = (ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; );
    };
    // 2,500 slots asked at once, the loop blocked 8 ms after every 10th start (timers fire late, as under load).
    await Promise.all(
      Array.from({ length: 2_500 }, async () => {
        const slot = await pacer.slot('MG1', stopping);
        starts.push(Date.now());
        answer(slot);
        if (starts.length % 10 === 0) busy(8);
      }),
    );
    const span = starts[starts.length - 1]! - starts[0]!;
    // Without the catch-up every 8 ms stall per 10 sends costs 8 ms: about 550 a second.
    expect(starts.length / (span / 1000)).toBeGreaterThan(850);
    let most = 0;
    for (let i = 0, j = 0; j < starts.length; j++) {
      while (starts[j]! - starts[i]! >= 1000) i++;
      most = Math.max(most, j - i + 1);
    }
    expect(most).toBeLessThanOrEqual(1_000);
  }, 20_000);

  /** 201 slots at 200 a second (a 1,030 ms window), the first answered `firstAfterMs` after it went (never, if undefined), the others at once; how long after the first the 201st went. */
  async function windowBehindFirst(firstAfterMs: number | undefined): Promise<number> {
    const { stopping } = stopper();
    const pacer = new SenderPacer({ perSecond: 200, perDay: undefined }, counts(), clock);
    const first = taken(await pacer.slot('MG1', stopping));
    const firstWent = Date.now();
    if (firstAfterMs !== undefined) setTimeout(() => first.answered(), firstAfterMs);
    for (let i = 1; i < 200; i++) taken(await pacer.slot('MG1', stopping)).answered();
    taken(await pacer.slot('MG1', stopping)).answered();
    return Date.now() - firstWent;
  }

  it('a request answered later than the quickest of late may have reached the carrier late: the send a window after it waits by as much', async () => {
    expect(await windowBehindFirst(80)).toBeGreaterThanOrEqual(1_000 + 80 - 3);
  });

  it('at most 100 ms more, however late the answer (a slow answer is mostly the provider at work); one still unanswered holds it as long', async () => {
    const late = await windowBehindFirst(600);
    expect(late).toBeGreaterThanOrEqual(1_100 - 3);
    expect(late).toBeLessThan(1_500); // uncapped, 1,600
    expect(await windowBehindFirst(undefined)).toBeGreaterThanOrEqual(1_100 - 3);
  });
});
