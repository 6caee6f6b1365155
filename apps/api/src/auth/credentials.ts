import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { AUTH_DB } from '../infrastructure/tokens.js';

/** Password hashes by person id. A hash with no matching person (a set-up that never landed) is inert. */
@Injectable()
export class Credentials {
  constructor(@Inject(AUTH_DB) private readonly db: Database.Database) {}

  save(personId: string, passwordHash: string): void {
    this.db
      .prepare(
        `INSERT INTO credentials (person_id, password_hash, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      )
      .run(personId, passwordHash, Date.now());
  }

  hashOf(personId: string): string | undefined {
    return this.db.prepare<[string], { password_hash: string }>('SELECT password_hash FROM credentials WHERE person_id = ?').get(personId)
      ?.password_hash;
  }
}
