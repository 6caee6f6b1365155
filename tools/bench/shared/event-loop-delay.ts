import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 1;

/**
 * Starts sampling how late the event loop runs timers; the returned function
 * stops and gives the p99 delay in ms. Node records the whole interval between
 * samples, so the sampling resolution is subtracted to leave only the delay
 * (work such as a synchronous fsync blocking the loop).
 */
export function startEventLoopDelay(): () => number {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return () => {
    histogram.disable();
    return Math.max(0, histogram.percentile(99) / 1e6 - RESOLUTION_MS);
  };
}
