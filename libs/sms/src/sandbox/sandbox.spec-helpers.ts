import type { DeliveryUpdate, InboundMessage, ProviderSink } from '../sms-provider.js';
import type { SandboxClock } from './sandbox-provider.js';

/** mulberry32: a seeded random in [0, 1), so rate checks over thousands of sends give the same answer every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

/**
 * A clock that only moves when told, with a binary heap of timers (fake timers
 * scan every timer per tick; 10,000 sends schedule 30,000 of them).
 */
export function manualClock(startAt = Date.parse('2026-03-03T15:00:00Z')) {
  let now = startAt;
  let seq = 0;
  const heap: Timer[] = [];
  const cancelled = new Set<number>();
  const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

  const push = (timer: Timer) => {
    heap.push(timer);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const pop = (): Timer => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && before(heap[l]!, heap[min]!)) min = l;
        if (r < heap.length && before(heap[r]!, heap[min]!)) min = r;
        if (min === i) break;
        [heap[i], heap[min]] = [heap[min]!, heap[i]!];
        i = min;
      }
    }
    return top;
  };

  const clock: SandboxClock = {
    setTimeout: (run, ms) => {
      seq += 1;
      push({ at: now + ms, seq, run });
      return seq;
    },
    clearTimeout: (handle) => void cancelled.add(handle as number),
    now: () => now,
  };

  /** Runs every timer due by `until` (default: all of them, including the ones they schedule), in time order. */
  const run = (until = Infinity) => {
    while (heap.length > 0 && heap[0]!.at <= until) {
      const timer = pop();
      now = timer.at;
      if (!cancelled.delete(timer.seq)) timer.run();
    }
    if (until !== Infinity) now = Math.max(now, until);
  };

  return {
    clock,
    run,
    advance: (ms: number) => run(now + ms),
    pendingCount: () => heap.filter((t) => !cancelled.has(t.seq)).length,
  };
}

export type SinkEvent = { readonly kind: 'delivery'; readonly update: DeliveryUpdate } | { readonly kind: 'inbound'; readonly message: InboundMessage };

/** A sink that keeps everything it was given, in order. */
export function recordingSink() {
  const events: SinkEvent[] = [];
  const sink: ProviderSink = {
    delivery: (update) => void events.push({ kind: 'delivery', update }),
    inbound: (message) => void events.push({ kind: 'inbound', message }),
  };
  return {
    sink,
    events,
    deliveries: () => events.flatMap((e) => (e.kind === 'delivery' ? [e.update] : [])),
    inbound: () => events.flatMap((e) => (e.kind === 'inbound' ? [e.message] : [])),
  };
}
