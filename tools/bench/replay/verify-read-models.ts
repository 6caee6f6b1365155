import type Database from 'better-sqlite3';
import type { WrittenHistory } from './write-domain-history.js';

/**
 * Cheap proof that the rebuild is whole, not just fast: counts match what was
 * written, every campaign shows its last name and revision, every projector's
 * checkpoint stands at the head. Returns the problems found (none = verified).
 */
export function verifyReadModels(db: Database.Database, history: WrittenHistory, head: bigint): string[] {
  const problems: string[] = [];
  const count = (table: string) => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
  const expectCount = (table: string, expected: number) => {
    const actual = count(table);
    if (actual !== expected) problems.push(`${table}: ${actual} rows, expected ${expected}`);
  };
  // The event log page reads the store itself; its projector keeps only the distinct types.
  expectCount('event_types', 4); // OrganizationCreated, PersonJoined, CampaignCreated, CampaignDetailsChanged
  expectCount('campaigns', history.campaigns.size);
  expectCount('people', history.people);
  expectCount('organizations', 1);

  const rows = db.prepare<[], { id: string; name: string; revision: number }>('SELECT id, name, revision FROM campaigns').all();
  const wrong = rows.filter((row) => {
    const expected = history.campaigns.get(row.id);
    return !expected || expected.name !== row.name || expected.revision !== row.revision;
  });
  if (wrong.length > 0) problems.push(`${wrong.length} campaigns differ from their last event, e.g. ${JSON.stringify(wrong[0])}`);

  const behind = db
    .prepare<[], { name: string; position: number }>('SELECT name, position FROM projection_checkpoints')
    .all()
    .filter((checkpoint) => BigInt(checkpoint.position) !== head);
  if (behind.length > 0) problems.push(`checkpoints not at head ${head}: ${JSON.stringify(behind)}`);
  return problems;
}
