import type { Actor } from '@textbank/contracts';

/** The actor recorded in an event's metadata, or null for events written without one. */
export function actorOf(metadata: Readonly<Record<string, unknown>>): Actor | null {
  const actor = metadata['actor'] as Actor | undefined;
  return actor && typeof actor.id === 'string' ? { id: actor.id, kind: actor.kind, ...(actor.name && { name: actor.name }) } : null;
}
