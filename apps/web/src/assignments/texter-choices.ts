import type { PersonView } from '@textbank/contracts';

/** Who can be given conversations: active members who text (not auditors), by name; `except` is whoever holds them now. */
export function texterChoices(people: readonly PersonView[], except: string | null = null): PersonView[] {
  return people
    .filter((person) => person.status === 'active' && person.role !== 'auditor' && person.id !== except)
    .sort((a, b) => a.name.localeCompare(b.name));
}
