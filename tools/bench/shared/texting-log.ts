import { SqliteEventStore, type RecordedEvent } from '@textbank/event-store';

/** The campaign's texting stream (`texting-<campaignId>`) as the API left it: read after the API has stopped. */
export async function readTextingStream(eventStorePath: string, campaignId: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ path: eventStorePath, checkpointInWorker: false });
  try {
    return await store.readStream(`texting-${campaignId}`);
  } finally {
    await store.close();
  }
}

/** First texts in the log: how many, and how many contacts had more than one (the extra ones). */
export function firstTextsIn(events: readonly RecordedEvent[]): { sends: number; duplicates: number } {
  const perContact = new Map<string, number>();
  let sends = 0;
  for (const event of events) {
    if (event.type !== 'InitialMessageSent') continue;
    sends += 1;
    const contactId = (event.data as { contactId: string }).contactId;
    perContact.set(contactId, (perContact.get(contactId) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const count of perContact.values()) duplicates += count - 1;
  return { sends, duplicates };
}

export interface Ownership {
  /** A contact handed out while someone still held it (no unassign, release or reassign away between). */
  readonly doubleOwned: number;
  /** Who holds what at the end of the log. */
  readonly owners: ReadonlyMap<string, string>;
  readonly handOuts: number;
}

/** Replays the hand-outs in log order: every contact has at most one owner at a time, or this counts it. */
export function ownershipIn(events: readonly RecordedEvent[]): Ownership {
  const owners = new Map<string, string>();
  let doubleOwned = 0;
  let handOuts = 0;
  for (const event of events) {
    const data = event.data as { texterId?: string; toTexterId?: string; contactIds?: string[] };
    if (event.type === 'ContactsAssigned') {
      handOuts += 1;
      for (const id of data.contactIds!) {
        if (owners.has(id)) doubleOwned += 1;
        owners.set(id, data.texterId!);
      }
    } else if (event.type === 'ContactsUnassigned') {
      for (const id of data.contactIds!) owners.delete(id);
    } else if (event.type === 'ContactsReassigned') {
      for (const id of data.contactIds!) owners.set(id, data.toTexterId!);
    }
  }
  return { doubleOwned, owners, handOuts };
}
