import type { PersonView } from '@textbank/contracts';

/**
 * Adds or replaces a person in a list shown newest member first, so a newcomer
 * arriving live shows at the top. A version with a lower revision never
 * replaces a newer one: a slow GET can land after a live update.
 */
export function upsertPerson(people: readonly PersonView[], incoming: PersonView): PersonView[] {
  const existing = people.find((person) => person.id === incoming.id);
  if (existing && existing.revision > incoming.revision) return [...people];
  const others = people.filter((person) => person.id !== incoming.id);
  // 'removed' arrives live only so open pages drop the row; it is never listed.
  if (incoming.status === 'removed') return others;
  // Live updates leave signedIn out: what the list said still holds.
  const person = incoming.signedIn === undefined && existing?.signedIn !== undefined ? { ...incoming, signedIn: existing.signedIn } : incoming;
  return [...others, person].sort(newestMemberFirst);
}

/** Merges a fresh full list into what is shown, by the same rule. */
export function mergePeople(people: readonly PersonView[], fresh: readonly PersonView[]): PersonView[] {
  return fresh.reduce<PersonView[]>((merged, person) => upsertPerson(merged, person), [...people]);
}

function newestMemberFirst(a: PersonView, b: PersonView): number {
  return Date.parse(b.joinedAt) - Date.parse(a.joinedAt) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
