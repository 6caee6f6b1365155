import { campaignStream, organizationStream } from '@textbank/domain';
import type { EventData, EventStore } from '@textbank/event-store';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../shared/event-metadata.js';
import { campaignChanged, campaignCreated, campaignName, organizationCreated, personJoined } from './history-events.js';

export interface HistoryPlan {
  readonly events: number;
  readonly campaigns: number;
  readonly people: number;
  /** Events per append while writing; every campaign gets one append per round, so rounds interleave in `$all`. */
  readonly eventsPerAppend: number;
}

/** What the read models must show once they have caught up. */
export interface WrittenHistory {
  readonly events: number;
  readonly people: number;
  readonly campaigns: ReadonlyMap<string, { readonly name: string; readonly revision: number }>;
}

/**
 * One organization with its members, then campaigns created and edited in
 * interleaved rounds: the shape of a real log, written as fast as the store
 * allows (this setup is not what is measured).
 */
export async function writeDomainHistory(store: EventStore, plan: HistoryPlan): Promise<WrittenHistory> {
  let clockMs = Date.UTC(2026, 0, 5, 9);
  const now = () => new Date((clockMs += 250));
  const organizationId = randomUUID();
  const people: Actor[] = Array.from({ length: plan.people }, (_, i) => ({ id: randomUUID(), kind: 'person', name: `Organizer ${i}` }));
  const founder = people[0]!;

  const membership: EventData[] = [organizationCreated(organizationId, founder, now())];
  people.forEach((person, i) => membership.push(personJoined(organizationId, person, i, founder, now())));
  for (let i = 0; i < membership.length; i += 500) {
    await store.appendToStream(organizationStream(organizationId), membership.slice(i, i + 500));
  }

  const edits = plan.events - membership.length - plan.campaigns;
  if (edits < 0) throw new Error(`${plan.events} events are too few for ${plan.campaigns} campaigns and ${plan.people} people`);
  const campaigns = Array.from({ length: plan.campaigns }, (_, c) => ({
    id: randomUUID(),
    // Edits spread evenly; the first `edits % campaigns` campaigns get one more.
    eventsLeft: 1 + Math.floor(edits / plan.campaigns) + (c < edits % plan.campaigns ? 1 : 0),
    written: 0,
    name: campaignName(c),
  }));
  const actorFor = (k: number) => people[k % people.length]!;
  let k = 0;
  while (campaigns.some((c) => c.eventsLeft > 0)) {
    const round = campaigns.filter((c) => c.eventsLeft > 0).map((campaign) => {
      const batch: EventData[] = [];
      while (batch.length < plan.eventsPerAppend && campaign.eventsLeft > 0) {
        const actor = actorFor(k++);
        const event =
          campaign.written === 0
            ? campaignCreated(campaign.id, organizationId, campaign.name, actor, now())
            : campaignChanged(campaign.id, k, actor, now());
        if (event.data.name !== undefined) campaign.name = event.data.name;
        batch.push(event);
        campaign.written += 1;
        campaign.eventsLeft -= 1;
      }
      return store.appendToStream(campaignStream(campaign.id), batch);
    });
    // Submitted together, a round commits as one group.
    await Promise.all(round);
  }
  return {
    events: membership.length + campaigns.reduce((sum, c) => sum + c.written, 0),
    people: people.length,
    campaigns: new Map(campaigns.map((c) => [c.id, { name: c.name, revision: c.written - 1 }])),
  };
}
