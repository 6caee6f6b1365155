import { personStream, type OrganizationCreated } from '@textbank/domain';
import { eventIdFor, type EventStore, type RecordedEvent } from '@textbank/event-store';
import { firstEventOf } from '../infrastructure/first-event.js';

/**
 * One organization per installation, always in the same stream: two first-run
 * set-ups, in one process or several, append to it with `no_stream` and only
 * one can win. (Installations set up before this kept their random id; they
 * are found by reading the log.)
 */
export const INSTALLATION_ORGANIZATION_ID = eventIdFor('textbank:installation-organization', 0);

/** Whether set-up is over, decided from the log itself: true from the moment an organization exists, forever. */
export async function organizationCreated(store: EventStore): Promise<RecordedEvent<'OrganizationCreated', OrganizationCreated['data']> | undefined> {
  const [created] = await store.readAll({ filter: { eventTypes: ['OrganizationCreated'] }, maxCount: 1 });
  return created as RecordedEvent<'OrganizationCreated', OrganizationCreated['data']> | undefined;
}

/** The founder's join is a second append; its command id derives from the organization's event, so a repair repeats it exactly once. */
export const founderJoinCommandId = (organizationCreatedEventId: string) => eventIdFor(organizationCreatedEventId, 1);

export async function hasJoined(store: EventStore, personId: string): Promise<boolean> {
  return (await firstEventOf(store, personStream(personId))) !== undefined;
}
