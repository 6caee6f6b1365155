import type { CampaignDetailsChanged } from '@textbank/domain';
import type { EventData } from '@textbank/event-store';
import { randomUUID } from 'node:crypto';
import { eventMetadata, type Actor } from '../shared/event-metadata.js';

const organizer: Actor = { id: randomUUID(), kind: 'person', name: 'Bench Organizer' };

/**
 * The event both the store and the raw baseline write, so their rows are the
 * same size: a campaign renamed, with the metadata the API would record.
 */
export function campaignRenamed(campaignId: string, sequence: number): EventData<'CampaignDetailsChanged', CampaignDetailsChanged['data']> {
  const now = new Date();
  return {
    type: 'CampaignDetailsChanged',
    data: { campaignId, name: `Spring canvass, wave ${sequence}`, changedAt: now.toISOString() },
    metadata: eventMetadata('CampaignDetailsChanged', organizer, now),
  };
}
