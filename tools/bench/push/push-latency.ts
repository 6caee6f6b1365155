import type { FleetReport } from './fleet-messages.js';

export interface PushLatency {
  /** Receipt time minus the send time of the command that produced the change, ms. */
  readonly latenciesMs: Float64Array;
  /** Receipts of positions that no command of ours produced. */
  readonly unmatched: number;
}

/**
 * Joins receipts to the measured commands by `$all` position. Send time, not
 * response time: the push may well reach the clients before the PATCH's own
 * answer. Receipts of warm-up commands are left out.
 */
export function pushLatency(report: FleetReport, measured: ReadonlyMap<string, number>, warmUp: ReadonlyMap<string, number>): PushLatency {
  const latenciesMs = new Float64Array(report.positions.length);
  let matched = 0;
  let unmatched = 0;
  report.positions.forEach((position, i) => {
    const sentAt = measured.get(position);
    if (sentAt !== undefined) latenciesMs[matched++] = report.receivedAt[i]! - sentAt;
    else if (!warmUp.has(position)) unmatched += 1;
  });
  return { latenciesMs: latenciesMs.subarray(0, matched), unmatched };
}
