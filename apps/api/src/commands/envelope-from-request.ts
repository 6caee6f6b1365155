import { BadRequestException } from '@nestjs/common';
import { eventIdFor, newEventId } from '@textbank/event-store';
import type { Request } from 'express';
import { validate as isUuid } from 'uuid';
import type { Principal } from '../auth/principal.js';
import type { CommandEnvelope } from './command-envelope.js';

/**
 * The command id derives from the client's Idempotency-Key when it sends one
 * (a UUID), scoped to the sender: a retried request is the same command and
 * is not applied twice, and nobody can replay someone else's key. Endpoints
 * whose answer cannot be repeated (a new invite's secret, a new password's
 * session) pass `honourKey: false` and always make a new command.
 */
export function envelopeFrom(
  request: Request,
  actor: Pick<Principal, 'person'> | { person: { id: string; name: string } },
  now: Date,
  { honourKey = true }: { honourKey?: boolean } = {},
): CommandEnvelope {
  const key = honourKey ? request.header('idempotency-key') : undefined;
  if (key !== undefined && !isUuid(key)) throw new BadRequestException('Idempotency-Key must be a UUID');
  const requestId = (request as Request & { id?: unknown }).id;
  const commandId = key === undefined ? newEventId() : keyedCommandId(actor.person.id, key);
  return {
    commandId,
    ...(key !== undefined && { keyed: true }),
    correlationId: typeof requestId === 'string' ? requestId : commandId,
    actor: { id: actor.person.id, kind: 'person', name: actor.person.name },
    now,
  };
}

/** A client key's command id, scoped to its sender (the Idempotency-Key over HTTP, a gesture id over the socket). */
export const keyedCommandId = (personId: string, key: string) => eventIdFor(`${personId}:${key.toLowerCase()}`, 0);

/** The id of what a creating command makes: derived from the command, so a retried create lands on the same stream. */
export function newIdFrom(envelope: CommandEnvelope): string {
  return eventIdFor(envelope.commandId, 1_000_000);
}
