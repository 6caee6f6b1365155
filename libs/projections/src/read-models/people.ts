import type { Role } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';

export interface PersonRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly status: 'active' | 'suspended';
  readonly joinedAt: string;
}

export interface OrganizationRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

/** Organization and members: who may sign in, with which role. */
export const peopleProjector = defineProjector({
  name: 'people',
  version: 1,
  tables: ['organizations', 'people'],
  schema: `
    CREATE TABLE IF NOT EXISTS organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS people (
      id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL, status TEXT NOT NULL, joined_at TEXT NOT NULL
    );`,
  handlers: {
    OrganizationCreated: (event, db) => {
      const d = event.data;
      cachedStatement(db, 'INSERT OR IGNORE INTO organizations VALUES (?, ?, ?)').run(d.organizationId, d.name, d.createdAt);
    },
    PersonJoined: (event, db) => {
      const d = event.data;
      cachedStatement(db, `INSERT OR IGNORE INTO people VALUES (?, ?, ?, ?, ?, 'active', ?)`).run(
        d.personId, d.organizationId, d.name, d.email, d.role, d.joinedAt,
      );
    },
  },
});

interface PersonRow {
  id: string;
  organization_id: string;
  name: string;
  email: string;
  role: Role;
  status: 'active' | 'suspended';
  joined_at: string;
}

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  email: row.email,
  role: row.role,
  status: row.status,
  joinedAt: row.joined_at,
});

export function findPersonByEmail(db: Database.Database, email: string): PersonRecord | undefined {
  const row = cachedStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE email = ?').get(email);
  return row && toPerson(row);
}

export function findPerson(db: Database.Database, id: string): PersonRecord | undefined {
  const row = cachedStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE id = ?').get(id);
  return row && toPerson(row);
}

/** The installation's organization (one per installation), if set up. */
export function findOrganization(db: Database.Database): OrganizationRecord | undefined {
  const row = cachedStatement<[], { id: string; name: string; created_at: string }>(db, 'SELECT * FROM organizations LIMIT 1').get();
  return row && { id: row.id, name: row.name, createdAt: row.created_at };
}
