import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../shared/percentiles.js';

/** Renames one campaign at an expected revision: the `$all` position of the change, or why it was refused. */
export type Rename = (campaignId: string, name: string, expectedRevision: number) => Promise<{ position: string } | { refused: string; revision: number }>;

export interface DrivePlan {
  readonly eventsPerSecond: number;
  readonly seconds: number;
}

export interface DriveResult {
  /** Send time (Date.now(), just before the request) of each accepted command, by the `$all` position it produced. */
  readonly sentAtByPosition: ReadonlyMap<string, number>;
  readonly accepted: number;
  readonly refused: number;
  /** The first few refusals, to show on stderr. */
  readonly refusals: readonly string[];
  /** From the first request to the last response. */
  readonly seconds: number;
  /** How long the commands took to answer, for context: they answer after the read models caught up. */
  readonly responseP50Ms: number;
  readonly responseP99Ms: number;
}

/**
 * Renames campaigns (ChangeCampaignDetails commands) at a target rate spread
 * evenly over the campaigns. One worker per campaign keeps that campaign's
 * expected revision, so at most one request per campaign is in flight (never
 * a 409 against ourselves) and at most `campaigns` in all. A worker that falls
 * behind its schedule sends back to back until it catches up or time is up:
 * the achieved rate is then what the API can serve, and is reported as such.
 */
export class RenameDriver {
  /** Revisions carry over from one drive to the next (warm-up, then measured). */
  private readonly revisions: number[];

  constructor(
    private readonly rename: Rename,
    private readonly campaignIds: readonly string[],
  ) {
    this.revisions = campaignIds.map(() => 0);
  }

  async drive(plan: DrivePlan): Promise<DriveResult> {
    const sentAtByPosition = new Map<string, number>();
    const responseMs: number[] = [];
    const refusals: string[] = [];
    let refused = 0;
    const count = this.campaignIds.length;
    const intervalMs = (1000 * count) / plan.eventsPerSecond;
    const startedAt = performance.now();
    const endAt = startedAt + plan.seconds * 1000;

    const worker = async (campaignId: string, index: number): Promise<void> => {
      // Staggered starts, so the campaigns' requests do not arrive in bursts.
      for (let slot = startedAt + (index * intervalMs) / count; slot < endAt && performance.now() < endAt; slot += intervalMs) {
        const wait = slot - performance.now();
        if (wait > 0) await sleep(wait);
        const revision = this.revisions[index]!;
        const sentAt = Date.now();
        // A name never used before: an unchanged name would be accepted without an event.
        const outcome = await this.rename(campaignId, `Campaign ${index} r${revision + 1}`, revision);
        if ('position' in outcome) {
          responseMs.push(Date.now() - sentAt);
          sentAtByPosition.set(outcome.position, sentAt);
          this.revisions[index] = revision + 1;
        } else {
          refused += 1;
          if (refusals.length < 5) refusals.push(outcome.refused);
          this.revisions[index] = outcome.revision;
        }
      }
    };

    await Promise.all(this.campaignIds.map(worker));
    return {
      sentAtByPosition,
      accepted: sentAtByPosition.size,
      refused,
      refusals,
      seconds: (performance.now() - startedAt) / 1000,
      responseP50Ms: percentile(responseMs, 50),
      responseP99Ms: percentile(responseMs, 99),
    };
  }
}
