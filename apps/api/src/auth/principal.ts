import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { OrganizationRecord, PersonRecord } from '@textbank/projections';
import type { Request } from 'express';

/** The signed-in person behind a request or socket. */
export interface Principal {
  readonly person: PersonRecord;
  readonly organization: OrganizationRecord;
  readonly sessionToken: string;
}

export type AuthenticatedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route the guard did not authenticate');
  return principal;
});
