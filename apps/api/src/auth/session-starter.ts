import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { SessionView } from '@textbank/contracts';
import { findOrganization, findPerson, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { KnownDevices } from './known-devices.js';
import { setSessionCookie } from './session-cookie.js';
import { sessionViewOf } from './session-view.js';
import { Sessions } from './sessions.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** Signs in someone who has just become a member (first-run setup, joining through an invite). */
@Injectable()
export class SessionStarter {
  constructor(
    private readonly sessions: Sessions,
    private readonly devices: KnownDevices,
    private readonly throttle: SignInThrottle,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Once the read models show the person (their join at `position`), a session cookie and the session's view. */
  async startAfter(position: bigint, personId: string, response: Response): Promise<SessionView> {
    const person = (await this.projections.waitFor(position)) ? findPerson(this.readModels, personId) : undefined;
    const organization = findOrganization(this.readModels);
    // Recorded, but the read models lag (a rebuild is running): signing in shortly will work.
    if (!person || !organization) throw new ServiceUnavailableException('You are in; sign in again in a moment');
    const now = this.clock().getTime();
    setSessionCookie(response, this.sessions.create(personId, now), this.config.cookieSecure);
    // The browser and place someone joined from are theirs from now on (see SignInThrottle).
    this.devices.remember(response.req, response, personId, this.config.cookieSecure, now);
    this.throttle.rememberPlace(personId, response.req.ip ?? 'unknown', now);
    return sessionViewOf({ person, organization });
  }
}
