import { Body, Controller, Delete, Get, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { findOrganization, findPersonByEmail } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CLOCK, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { Access } from './access.decorator.js';
import { Credentials } from './credentials.js';
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
    const attempt = this.throttle.attempt(body.email, address, now);
    if (!attempt.allowed) {
      response.setHeader('Retry-After', String(attempt.retryAfterSeconds));
      throw new HttpException(`Too many failed sign-ins; try again in ${attempt.retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
    }
    const person = findPersonByEmail(this.readModels, body.email);
    const organization = findOrganization(this.readModels);
    const hash = (person && this.credentials.hashOf(person.id)) ?? (await this.hasher.decoyHash());
    const valid = await this.hasher.verify(hash, body.password);
    if (!valid || !person || !organization || person.status !== 'active') {
      attempt.failed();
      throw new UnauthorizedException('Wrong email or password');
    }
    attempt.succeeded();
    setSessionCookie(response, this.sessions.create(person.id, now), this.config.cookieSecure);
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
