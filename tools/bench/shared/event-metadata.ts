import { schemaVersionOf } from '@textbank/domain';
import type { EventMetadata } from '@textbank/event-store';
import { randomUUID } from 'node:crypto';

export type Actor = EventMetadata['actor'];

/** Metadata as the API's command executor writes it: one command per event, a person acting. */
export function eventMetadata(type: string, actor: Actor, now: Date): EventMetadata {
  const commandId = randomUUID();
  return {
    actor,
    causationId: commandId,
    correlationId: commandId,
    timestamp: now.toISOString(),
    schemaVersion: schemaVersionOf(type),
  };
}
