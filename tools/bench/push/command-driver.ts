import { setTimeout as sleep } from 'node:timers/promises';
import { campaignRevision, type ApiSession } from './api-session.js';
import { sendJson } from './http-json.js';

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
}

/**
 * Renames campaigns through PATCH /api/campaigns/:id at a target rate spread
 * evenly over the campaigns. One worker per campaign keeps that campaign's
 * expected revision, so at most one request per campaign is in flight (never
 * a 409 against ourselves) and at most `campaigns` in all. A worker that falls
 * behind its schedule sends back to back until it catches up or time is up:
 * the achieved rate is then what the API can serve, and is reported as such.
 */
export async function driveRenames(session: ApiSession, campaignIds: readonly string[], plan: DrivePlan): Promise<DriveResult> {
  const sentAtByPosition = new Map<string, number>();
  const refusals: string[] = [];
  let accepted = 0;
  let refused = 0;
  const intervalMs = (1000 * campaignIds.length) / plan.eventsPerSecond;
  const startedAt = performance.now();
  const endAt = startedAt + plan.seconds * 1000;

  const worker = async (campaignId: string, index: number): Promise<void> => {
    let revision = 0;
    // Staggered starts, so the campaigns' requests do not arrive in bursts.
    let slot = startedAt + (index * intervalMs) / campaignIds.length;
    for (let edit = 1; slot < endAt && performance.now() < endAt; edit++, slot += intervalMs) {
      const wait = slot - performance.now();
      if (wait > 0) await sleep(wait);
      const sentAt = Date.now();
      const response = await sendJson(session.agent, {
        method: 'PATCH',
        url: `${session.url}/api/campaigns/${campaignId}`,
        // A new name every time: an unchanged name would be accepted without an event.
        body: { expectedRevision: revision, name: `Campaign ${index} edit ${edit}` },
        cookie: session.cookie,
      });
      const position = (response.body as { position?: unknown } | undefined)?.position;
      if (response.status === 200 && typeof position === 'string') {
        sentAtByPosition.set(position, sentAt);
        revision += 1;
        accepted += 1;
      } else {
        refused += 1;
        if (refusals.length < 5) refusals.push(`HTTP ${response.status} ${JSON.stringify(response.body)}`);
        revision = await campaignRevision(session, campaignId);
      }
    }
  };

  await Promise.all(campaignIds.map(worker));
  return { sentAtByPosition, accepted, refused, refusals, seconds: (performance.now() - startedAt) / 1000 };
}
