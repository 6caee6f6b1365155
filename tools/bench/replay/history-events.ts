import type { CampaignCreated, CampaignDetailsChanged, OrganizationCreated, PersonJoined } from '@textbank/domain';
import type { EventData } from '@textbank/event-store';
import { eventMetadata, type Actor } from '../shared/event-metadata.js';

/** Event factories shaped like the deciders' output, with the metadata the API records. */
type Recorded<E extends { type: string; data: object }> = EventData<E['type'], E['data']>;

const PLACES = ['Riverside', 'Eastgate', 'Hillcrest', 'Old Town', 'Northfield', 'Harbor', 'Westbrook', 'Millbrook'];
const EFFORTS = ['canvass', 'phone bank', 'turnout push', 'volunteer drive', 'renters union', 'school board', 'strike support'];

export const campaignName = (k: number) => `${PLACES[k % PLACES.length]} ${EFFORTS[(k >> 3) % EFFORTS.length]} ${k}`;

export function organizationCreated(organizationId: string, actor: Actor, now: Date): Recorded<OrganizationCreated> {
  const data = { organizationId, name: 'Riverside Tenants Union', createdAt: now.toISOString() };
  return { type: 'OrganizationCreated', data, metadata: eventMetadata('OrganizationCreated', actor, now) };
}

export function personJoined(organizationId: string, person: Actor, index: number, invitedBy: Actor, now: Date): Recorded<PersonJoined> {
  const role = index === 0 ? 'owner' : index % 20 === 0 ? 'admin' : index % 50 === 1 ? 'auditor' : 'volunteer';
  const data = {
    personId: person.id,
    organizationId,
    name: person.name ?? `Person ${index}`,
    email: `person${index}@example.org`,
    role,
    joinedAt: now.toISOString(),
  } as const;
  return { type: 'PersonJoined', data, metadata: eventMetadata('PersonJoined', invitedBy, now) };
}

export function campaignCreated(campaignId: string, organizationId: string, name: string, actor: Actor, now: Date): Recorded<CampaignCreated> {
  const data = {
    campaignId,
    organizationId,
    name,
    description: 'Door-to-door and text outreach before the vote. Talking points in the shared drive.',
    textingHours: { start: '09:00', end: '21:00' },
    createdAt: now.toISOString(),
  };
  return { type: 'CampaignCreated', data, metadata: eventMetadata('CampaignCreated', actor, now) };
}

/**
 * The k-th edit of a campaign: mostly renames, now and then a new description
 * or new texting hours, as an editor's saves would be. Only changed fields are present.
 */
export function campaignChanged(campaignId: string, k: number, actor: Actor, now: Date): Recorded<CampaignDetailsChanged> {
  const renamed = k % 4 !== 3;
  const described = k % 5 === 0 || (!renamed && k % 10 !== 0);
  const data = {
    campaignId,
    ...(renamed && { name: campaignName(k) }),
    ...(described && { description: `Update ${k}: new turf assigned, scripts revised after the Tuesday debrief.` }),
    ...(k % 10 === 0 && { textingHours: { start: '10:00', end: k % 20 === 0 ? '20:00' : '21:00' } }),
    changedAt: now.toISOString(),
  };
  return { type: 'CampaignDetailsChanged', data, metadata: eventMetadata('CampaignDetailsChanged', actor, now) };
}
