import { describe, expect, it } from 'vitest';
import { SenderPacer, type DailyCounts } from './sender-pacer.js';

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
const settledWithin = async <T>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe('SenderPacer', () => {
  it('a daily cap holds across a restart: the counts live in dispatch.db, so a new process does not get a fresh day', async () => {
    const day = counts();
    const { stopping, stop } = stopper();
    const first = new SenderPacer({ perSecond: undefined, perDay: 2 }, day, clock);
    expect(await first.slot('+15005550006', stopping)).toBeTypeOf('number');
    expect(await first.slot('+15005550006', stopping)).toBeTypeOf('number');
    const restarted = new SenderPacer({ perSecond: undefined, perDay: 2 }, day, clock);
    const third = restarted.slot('+15005550006', stopping);
    expect(await settledWithin(third, 100)).toBe('pending');
    expect(restarted.waitingBySender().get('+15005550006')).toBe(1);
    // Another sender has its own cap.
    expect(await restarted.slot('+15005550007', stopping)).toBeTypeOf('number');
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
      await pacer.slot('MG1', stopping);
      waits.push(Date.now() - started);
    }
    // The first after a window (a restart never doubles one); then spaced; the 6th a window after the 1st.
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(waits[5]! - waits[0]!).toBeGreaterThanOrEqual(1_000);
  });
});
