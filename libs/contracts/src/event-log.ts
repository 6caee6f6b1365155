import { z } from 'zod';
import { Actor, PositionText } from './fields.js';

export const EventLogEntry = z.object({
  position: z.string(),
  id: z.string(),
  type: z.string(),
  stream: z.string(),
  revision: z.number(),
  actor: Actor.nullable(),
  time: z.string(),
  data: z.unknown(),
});
export type EventLogEntry = z.infer<typeof EventLogEntry>;

export const EventLogQuery = z.strictObject({
  type: z.string().max(100).optional(),
  /** Exact stream name, or a prefix ending in `-` (`campaign-`). */
  stream: z.string().max(200).optional(),
  /** A person: their own stream and the roster's events about them (role, suspension, removal). */
  person: z.uuid('must be a person id').optional(),
  /** Newest first: entries before this position (the previous page's nextBefore). */
  before: PositionText.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EventLogQuery = z.infer<typeof EventLogQuery>;

export const EventLogPage = z.object({
  entries: z.array(EventLogEntry),
  /** Pass as `before` for the next (older) page; null at the beginning of history. */
  nextBefore: z.string().nullable(),
  /** Read-model position the page was read at. */
  position: z.string(),
});
export type EventLogPage = z.infer<typeof EventLogPage>;

export const EventTypeList = z.object({ types: z.array(z.string()) });
