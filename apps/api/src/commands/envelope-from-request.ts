import { BadRequestException } from '@nestjs/common';
import { newEventId } from '@textbank/event-store';
import type { Request } from 'express';
import { validate as isUuid } from 'uuid';
import type { Principal } from '../auth/principal.js';
import type { CommandEnvelope } from './command-envelope.js';

/**
 * The command id comes from the client's Idempotency-Key when it sends one
 * (a UUID), so a retried request is the same command and is not applied twice.
 */
export function envelopeFrom(request: Request, actor: Pick<Principal, 'person'> | { person: { id: string; name: string } }, now: Date): CommandEnvelope {
  const key = request.header('idempotency-key');
  if (key !== undefined && !isUuid(key)) throw new BadRequestException('Idempotency-Key must be a UUID');
  const requestId = (request as Request & { id?: unknown }).id;
  const commandId = key?.toLowerCase() ?? newEventId();
  return {
    commandId,
    correlationId: typeof requestId === 'string' ? requestId : commandId,
    actor: { id: actor.person.id, kind: 'person', name: actor.person.name },
    now,
  };
}
