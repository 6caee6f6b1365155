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
  readonly status: 'active' | 'suspended';
  readonly joinedAt: string;
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
  status: 'active' | 'suspended';
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

const upserted = (db: Database.Database, id: string): Change[] => {
  const row = cachedStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE id = ?').get(id);
  return row ? [{ kind: 'person.upserted', topic: 'people', position: String(row.position), payload: personViewOf(toPerson(row)) }] : [];
};

const setField = (column: 'role' | 'status', value: (event: StoredEvent<'RoleChanged' | 'PersonSuspended' | 'PersonReinstated'>) => string) =>
  (event: StoredEvent<'RoleChanged' | 'PersonSuspended' | 'PersonReinstated'>, db: Database.Database, announce: boolean) => {
    cachedStatement(db, `UPDATE people SET ${column} = ?, revision = ?, position = ? WHERE id = ?`).run(
      value(event), event.revision, event.position.commit, event.data.personId,
    );
    return announce ? upserted(db, event.data.personId) : undefined;
  };

/** Organization and members: who may sign in, with which role. */
export const peopleProjector = defineProjector({
  name: 'people',
  version: 2,
  tables: ['organizations', 'people'],
  schema: `
    CREATE TABLE IF NOT EXISTS organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS people (
      id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL, status TEXT NOT NULL, joined_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL
    );`,
  handlers: {
    OrganizationCreated: (event, db) => {
      const d = event.data;
      cachedStatement(db, 'INSERT OR IGNORE INTO organizations VALUES (?, ?, ?)').run(d.organizationId, d.name, d.createdAt);
    },
    PersonJoined: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, `INSERT OR IGNORE INTO people VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`).run(
        d.personId, d.organizationId, d.name, d.email, d.role, d.joinedAt, event.revision, event.position.commit,
      );
      return announce ? upserted(db, d.personId) : undefined;
    },
    RoleChanged: setField('role', (event) => (event as StoredEvent<'RoleChanged'>).data.to),
    PersonSuspended: setField('status', () => 'suspended'),
    PersonReinstated: setField('status', () => 'active'),
  },
});

export function findPersonByEmail(db: Database.Database, email: string): PersonRecord | undefined {
  const row = cachedStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE email = ?').get(email);
  return row && toPerson(row);
}

export function findPerson(db: Database.Database, id: string): PersonRecord | undefined {
  const row = cachedStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE id = ?').get(id);
  return row && toPerson(row);
}

export function listPeople(db: Database.Database): PersonRecord[] {
  return cachedStatement<[], PersonRow>(db, 'SELECT * FROM people ORDER BY joined_at, id').all().map(toPerson);
}

export function hasOwner(db: Database.Database): boolean {
  return cachedStatement<[], number>(db, `SELECT count(*) FROM people WHERE role = 'owner'`).pluck().get()! > 0;
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
