import { createHash } from 'node:crypto';
import { v7 as uuidv7, validate, version } from 'uuid';

export function newEventId(): string {
  return uuidv7();
}

/**
 * The id of the `index`-th event a command produces. Deterministic, so a
 * retried command is deduplicated by the store; still a UUIDv7, carrying the
 * time of the command id when that is a v7 too.
 */
export function eventIdFor(commandId: string, index: number): string {
  const random = createHash('sha256').update(`${commandId}:${index}`).digest().subarray(0, 16);
  const msecs = validate(commandId) && version(commandId) === 7 ? parseInt(commandId.slice(0, 8) + commandId.slice(9, 13), 16) : 0;
  return uuidv7({ msecs, random });
}

export function isUuid(value: string): boolean {
  return validate(value);
}
