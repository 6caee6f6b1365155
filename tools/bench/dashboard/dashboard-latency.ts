import type { Appended } from './texting-traffic.js';
import type { DashboardClientReport } from './dashboard-messages.js';

/** Whether an event moves what a topic shows: its campaign's dashboard, or its texter's home. */
const moves = (topic: string, event: Appended) => topic === `dashboard:${event.campaignId}` || topic === `home:${event.texterId}`;

/**
 * From append to the first push that includes it, per client and event it
 * concerns: the push carries the log position its view was read at, so the
 * first push at or past the event's position is the one that reflects it.
 */
export function dashboardLatencies(events: readonly Appended[], clients: readonly DashboardClientReport[]): { latenciesMs: number[]; missed: number } {
  const latenciesMs: number[] = [];
  let missed = 0;
  const sorted = [...events].sort((a, b) => a.position - b.position);
  for (const client of clients) {
    let push = 0;
    for (const event of sorted) {
      if (!moves(client.topic, event)) continue;
      while (push < client.positions.length && client.positions[push]! < event.position) push++;
      if (push === client.positions.length) missed += 1;
      else latenciesMs.push(Math.max(0, client.receivedAt[push]! - event.at));
    }
  }
  return { latenciesMs, missed };
}
