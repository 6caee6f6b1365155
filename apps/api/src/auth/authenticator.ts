import { Inject, Injectable } from '@nestjs/common';
import { findOrganization, findPerson } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { CLOCK, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import type { Principal } from './principal.js';
import { Sessions, type SessionUse } from './sessions.js';

/** Turns a session token into the person behind it, for HTTP and sockets alike. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: Sessions,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  authenticate(token: string | undefined, use: SessionUse = 'request'): Principal | undefined {
    if (!token) return undefined;
    const personId = this.sessions.resolve(token, this.clock().getTime(), use);
    if (!personId) return undefined;
    const person = findPerson(this.readModels, personId);
    const organization = findOrganization(this.readModels);
    if (!person || !organization || person.status !== 'active') return undefined;
    return { person, organization, sessionToken: token };
  }
}
