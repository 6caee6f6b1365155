import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { findOrganization, findPersonByEmail } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CLOCK, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { Access } from './access.decorator.js';
import { Credentials } from './credentials.js';
import { KnownDevices } from './known-devices.js';
import { SessionViewDto, SignInDto } from './dto.js';
import { PasswordHasher } from './password-hasher.js';
import { CurrentPrincipal, type Principal } from './principal.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { sessionViewOf } from './session-view.js';
import { Sessions } from './sessions.js';
import { SignInThrottle } from './sign-in-throttle.js';

@ApiTags('session')
@Controller('session')
export class SessionController {
  constructor(
    private readonly sessions: Sessions,
    private readonly credentials: Credentials,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly devices: KnownDevices,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @Access('public')
  @ApiOkResponse({ type: SessionViewDto })
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const address = request.ip ?? 'unknown';
    const now = this.clock().getTime();
    const person = findPersonByEmail(this.readModels, body.email);
    const device = this.devices.recognise(request, person?.id, this.config.cookieSecure, now);
    const attempt = this.throttle.attempt({ email: body.email, address, personId: person?.id, device }, now);
    if (!attempt.allowed) {
      response.setHeader('Retry-After', String(attempt.retryAfterSeconds));
      throw new HttpException(`Too many failed sign-ins; try again in ${attempt.retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
    }
    const organization = findOrganization(this.readModels);
    const hash = (person && this.credentials.hashOf(person.id)) ?? (await this.hasher.decoyHash());
    const valid = await this.hasher.verify(hash, body.password);
    if (!valid || !person || !organization) {
      throw new UnauthorizedException('Wrong email or password');
    }
    attempt.succeeded();
    // Said only to someone who knows the password: nobody else learns who is suspended.
    if (person.status !== 'active') throw new ForbiddenException('Your access to this organization is suspended. Ask one of its organizers to reinstate you.');
    this.credentials.markSignedIn(person.id, now);
    setSessionCookie(response, this.sessions.create(person.id, now), this.config.cookieSecure);
    this.devices.remember(request, response, person.id, this.config.cookieSecure, now);
    return sessionViewOf({ person, organization });
  }

  @Get()
  @Access('signed-in')
  @ApiOkResponse({ type: SessionViewDto })
  current(@CurrentPrincipal() principal: Principal) {
    return sessionViewOf(principal);
  }

  @Delete()
  @HttpCode(204)
  @Access('signed-in')
  signOut(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): void {
    this.sessions.end(principal.sessionToken);
    clearSessionCookie(response, this.config.cookieSecure);
  }
}
