import type { Change, PersonView, Role } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector, type StoredEvent } from '../projector.js';

export interface PersonRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly status: 'active' | 'suspended' | 'removed';
  readonly joinedAt: string;
  /** The version of the person's standing on the roster (0 as joined): what a role change sends back as expectedRevision. */
  readonly revision: number;
}

export interface OrganizationRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

interface PersonRow {
  id: string;
  organization_id: string;
  name: string;
  email: string;
  role: Role;
  status: 'active' | 'suspended' | 'removed';
  joined_at: string;
  revision: number;
  position: number;
}

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  email: row.email,
  role: row.role,
  status: row.status,
  joinedAt: row.joined_at,
  revision: row.revision,
});

/** Last activity lives with the sessions, not in the log: the API fills it in. */
export const personViewOf = (person: PersonRecord, lastActiveAt: string | null = null): PersonView => ({
  id: person.id,
  name: person.name,
  email: person.email,
  role: person.role,
  status: person.status,
  joinedAt: person.joinedAt,
  lastActiveAt,
  revision: person.revision,
});

/** `joined`: a newcomer has not signed in with a password yet (later changes leave `signedIn` out: auth.db knows it). */
const upserted = (db: Database.Database, id: string, joined = false): Change[] => {
  const row = cachedStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE id = ?').get(id);
  if (!row) return [];
  return [{ kind: 'person.upserted', topic: 'people', position: String(row.position), payload: { ...personViewOf(toPerson(row)), ...(joined && { signedIn: false }) } }];
};

type RosterEventType = 'RoleChanged' | 'PersonSuspended' | 'PersonReinstated' | 'MemberRemoved';

/** A roster change: the standing's version moves on by one, as the roster counts it. */
const setStanding = <T extends RosterEventType>(column: 'role' | 'status', value: (event: StoredEvent<T>) => string) =>
  (event: StoredEvent<T>, db: Database.Database, announce: boolean) => {
    cachedStatement(db, `UPDATE people SET ${column} = ?, revision = revision + 1, position = ? WHERE id = ?`).run(
      value(event), event.position.commit, event.data.personId,
    );
    return announce ? upserted(db, event.data.personId) : undefined;
  };

/** Organization and members: who may sign in, with which role. */
export const peopleProjector = defineProjector({
  name: 'people',
  version: 3,
  tables: ['organizations', 'people'],
  // A removed member's row stays (status 'removed') so reconnecting pages learn of it; their email may be reused.
  schema: `
    CREATE TABLE IF NOT EXISTS organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS people (
      id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL,
      role TEXT NOT NULL, status TEXT NOT NULL, joined_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS people_by_email ON people (email);
    CREATE INDEX IF NOT EXISTS people_by_position ON people (position);`,
  handlers: {
    OrganizationCreated: (event, db) => {
      const d = event.data;
      cachedStatement(db, 'INSERT OR IGNORE INTO organizations VALUES (?, ?, ?)').run(d.organizationId, d.name, d.createdAt);
    },
    PersonJoined: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, `INSERT OR IGNORE INTO people VALUES (?, ?, ?, ?, ?, 'active', ?, 0, ?)`).run(
        d.personId, d.organizationId, d.name, d.email, d.role, d.joinedAt, event.position.commit,
      );
      return announce ? upserted(db, d.personId, true) : undefined;
    },
    EmailChanged: (event, db, announce) => {
      cachedStatement(db, 'UPDATE people SET email = ?, position = ? WHERE id = ?').run(event.data.to, event.position.commit, event.data.personId);
      return announce ? upserted(db, event.data.personId) : undefined;
    },
    RoleChanged: setStanding<'RoleChanged'>('role', (event) => event.data.to),
    PersonSuspended: setStanding<'PersonSuspended'>('status', () => 'suspended'),
    PersonReinstated: setStanding<'PersonReinstated'>('status', () => 'active'),
    MemberRemoved: setStanding<'MemberRemoved'>('status', () => 'removed'),
  },
});

export function findPersonByEmail(db: Database.Database, email: string): PersonRecord | undefined {
  const row = cachedStatement<[string], PersonRow>(db, `SELECT * FROM people WHERE email = ? AND status != 'removed'`).get(email);
  return row && toPerson(row);
}

export function findPerson(db: Database.Database, id: string): PersonRecord | undefined {
  const row = cachedStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE id = ?').get(id);
  return row && toPerson(row);
}

export function listPeople(db: Database.Database): PersonRecord[] {
  return cachedStatement<[], PersonRow>(db, `SELECT * FROM people WHERE status != 'removed' ORDER BY joined_at, id`).all().map(toPerson);
}

/** For a reconnecting people page: everyone changed after `since`, oldest first. */
export function peopleChangesSince(db: Database.Database, since: bigint): Change[] {
  return cachedStatement<[bigint], PersonRow>(db, 'SELECT * FROM people WHERE position > ? ORDER BY position')
    .all(since)
    .map((row) => ({ kind: 'person.upserted', topic: 'people', position: String(row.position), payload: personViewOf(toPerson(row)) }));
}

/** The installation's organization (one per installation), if set up. */
export function findOrganization(db: Database.Database): OrganizationRecord | undefined {
  const row = cachedStatement<[], { id: string; name: string; created_at: string }>(db, 'SELECT * FROM organizations LIMIT 1').get();
  return row && { id: row.id, name: row.name, createdAt: row.created_at };
}
