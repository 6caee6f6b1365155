import type { FleetReport } from './fleet-messages.js';

/** Every change reaches every follower of its campaign exactly once, and no one else: what broke that, if anything. */
export function deliveryProblems(delivered: number, expected: number, unmatched: number, report: FleetReport): string[] {
  return [
    delivered !== expected && `${delivered} of ${expected} expected deliveries arrived`,
    unmatched > 0 && `${unmatched} receipts of positions no command of ours produced`,
    report.duplicates > 0 && `${report.duplicates} duplicate deliveries`,
    report.misrouted > 0 && `${report.misrouted} changes reached clients not following that campaign`,
    report.disconnects > 0 && `${report.disconnects} clients disconnected during the run`,
  ].filter((problem): problem is string => typeof problem === 'string');
}
