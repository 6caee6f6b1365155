import type { FleetReport } from './fleet-messages.js';

export interface PushLatency {
  /** Receipt time minus the send time of the command that produced the change, ms. */
  readonly latenciesMs: Float64Array;
  /** Receipts of positions no accepted command of ours produced. */
  readonly unmatched: number;
}

/**
 * Joins receipts to commands by `$all` position. Send time, not response
 * time: the push may well reach the clients before the PATCH's own answer.
 */
export function pushLatency(report: FleetReport, sentAtByPosition: ReadonlyMap<string, number>): PushLatency {
  const latenciesMs = new Float64Array(report.positions.length);
  let matched = 0;
  report.positions.forEach((position, i) => {
    const sentAt = sentAtByPosition.get(position);
    if (sentAt !== undefined) latenciesMs[matched++] = report.receivedAt[i]! - sentAt;
  });
  return { latenciesMs: latenciesMs.subarray(0, matched), unmatched: report.positions.length - matched };
}
