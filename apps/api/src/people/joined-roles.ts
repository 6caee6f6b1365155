import { Inject, Injectable } from '@nestjs/common';
import { personStream, type Joined, type PersonJoined } from '@textbank/domain';
import { StreamNotFoundError, type EventStore } from '@textbank/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

const REMEMBERED = 10_000;

/**
 * The role each person joined with, read from the first event of their own
 * stream. A PersonJoined never changes once written, so reading it outside the
 * roster's stream cannot race with anything: the roster decides the rest.
 */
@Injectable()
export class JoinedRoles {
  private readonly known = new Map<string, Joined>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(personId: string): Promise<Joined | undefined> {
    const cached = this.known.get(personId);
    if (cached) return cached;
    let first;
    try {
      [first] = await this.store.readStream(personStream(personId), { maxCount: 1 });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    if (first?.type !== 'PersonJoined') return undefined;
    const joined: Joined = { role: (first.data as PersonJoined['data']).role };
    if (this.known.size >= REMEMBERED) this.known.delete(this.known.keys().next().value!);
    this.known.set(personId, joined);
    return joined;
  }
}
