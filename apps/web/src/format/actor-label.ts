import type { Actor } from '@textbank/contracts';

/** Who did it, in words: the person's name when the server knows it, else their id. */
export function actorLabel(actor: Actor | null): string {
  if (actor === null) return 'system';
  return actor.name ?? (actor.kind === 'system' ? `system (${actor.id})` : actor.id);
}
