import type { CampaignView, EventLogEntry, PersonView } from '@textbank/contracts';

/** Names for the ids events carry: campaigns and people, from their lists and from events as they arrive. */
export interface NameBook {
  campaigns: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
}

export const NO_NAMES: NameBook = { campaigns: new Map(), people: new Map() };

export function nameBookOf(campaigns: readonly Pick<CampaignView, 'id' | 'name'>[], people: readonly Pick<PersonView, 'id' | 'name'>[]): NameBook {
  return { campaigns: new Map(campaigns.map((c) => [c.id, c.name])), people: new Map(people.map((p) => [p.id, p.name])) };
}

/**
 * A new campaign, a rename or a newcomer arriving live names itself: the book
 * learns it, so the sentence for the next event about them has the name too.
 * Returns the same book when the event names nothing new.
 */
export function learnNames(book: NameBook, entry: EventLogEntry): NameBook {
  const data = dataOf(entry);
  const name = text(data.name);
  if (!name) return book;
  if ((entry.type === 'CampaignCreated' || entry.type === 'CampaignDetailsChanged') && text(data.campaignId)) {
    const id = text(data.campaignId)!;
    return book.campaigns.get(id) === name ? book : { ...book, campaigns: new Map(book.campaigns).set(id, name) };
  }
  if (entry.type === 'PersonJoined' && text(data.personId)) {
    const id = text(data.personId)!;
    return book.people.get(id) === name ? book : { ...book, people: new Map(book.people).set(id, name) };
  }
  return book;
}

/** An event's data as a record, whatever it is (events of types yet unknown included). */
export function dataOf(entry: EventLogEntry): Record<string, unknown> {
  return typeof entry.data === 'object' && entry.data !== null && !Array.isArray(entry.data) ? (entry.data as Record<string, unknown>) : {};
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
