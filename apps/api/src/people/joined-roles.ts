import { Inject, Injectable } from '@nestjs/common';
import { personStream, type Joined, type PersonJoined } from '@textbank/domain';
import type { EventStore } from '@textbank/event-store';
import { firstEventOf } from '../infrastructure/first-event.js';
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
    const first = await firstEventOf(this.store, personStream(personId));
    if (first?.type !== 'PersonJoined') return undefined;
    const joined: Joined = { role: (first.data as PersonJoined['data']).role };
    if (this.known.size >= REMEMBERED) this.known.delete(this.known.keys().next().value!);
    this.known.set(personId, joined);
    return joined;
  }
}
