import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ACCESS_KEY, type AccessRule } from './access.decorator.js';
import { Authenticator } from './authenticator.js';
import type { AuthenticatedRequest } from './principal.js';
import { sessionTokenFrom } from './session-cookie.js';

/** Global guard: every route declares its Access rule, and the session's role must match it. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    // Deny by default: a route that forgot to declare who may call it is closed.
    if (!rules) throw new ForbiddenException('This route declares no access rule');
    if (rules.includes('public')) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = this.authenticator.authenticate(sessionTokenFrom(request, this.config.cookieSecure));
    if (!principal) throw new UnauthorizedException('Sign in first');
    request.principal = principal;
    if (rules.includes('signed-in') || rules.includes(principal.person.role)) return true;
    throw new ForbiddenException(`A ${principal.person.role} may not do this`);
  }
}
