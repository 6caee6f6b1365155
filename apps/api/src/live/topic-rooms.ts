import type { Change, Topic } from '@textbank/contracts';

/** Socket.IO room for a topic within an organization. */
export const roomOf = (organizationId: string, topic: Topic | string) => `${organizationId}:${topic}`;

/** Every socket of one person, whatever they follow. */
export const personRoom = (personId: string) => `person:${personId}`;

/** The sockets opened with one session (by its digest, never the token). */
export const sessionRoom = (digest: string) => `session:${digest}`;

/** The topics a change concerns: the list it belongs to, and the single campaign it is about. */
export function topicsOf(change: Change): string[] {
  switch (change.kind) {
    case 'campaign.upserted':
      return ['campaigns', `campaign:${change.payload.id}`];
    case 'event.appended':
      return ['event-log'];
    case 'person.upserted':
      return ['people'];
    case 'tag.upserted':
      return ['tags'];
    case 'survey.upserted':
      return [`campaign:${change.payload.campaignId}`];
    case 'script.revised':
    case 'canned-responses.changed':
      return [`campaign:${change.payload.campaignId}`];
    case 'contact-upload.changed':
    case 'conversation.changed':
      return [change.topic];
  }
}
