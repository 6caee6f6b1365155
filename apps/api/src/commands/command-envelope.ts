import { eventIdFor, type EventMetadata } from '@textbank/event-store';

/** Who sends a command, under which ids, at what time: everything a decider must not find out for itself. */
export interface CommandEnvelope {
  readonly commandId: string;
  /** The id came from the client's Idempotency-Key: this may be a retry of a command that already landed. */
  readonly keyed?: boolean;
  readonly correlationId: string;
  readonly actor: EventMetadata['actor'];
  readonly now: Date;
}

/** Commands the platform itself issues (the dispatcher, the provider's callbacks): ids derived from what caused them, so a replay is the same command. */
export function systemEnvelope(cause: string, now: Date): CommandEnvelope {
  const commandId = eventIdFor(cause, 0);
  return { commandId, correlationId: commandId, actor: { id: 'system:sms', kind: 'system', name: 'SMS provider' }, now };
}

