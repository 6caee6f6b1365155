import { z } from 'zod';
import { PositionText } from './fields.js';
import { CampaignView } from './campaign.js';
import { EventLogEntry } from './event-log.js';
import { PersonView } from './people.js';
import { ContactUploadChangedChange } from './contacts.js';
import { SurveyUpsertedChange } from './survey.js';
import { TagUpsertedChange } from './tags.js';
import { CannedResponsesChangedChange, ScriptRevisedChange } from './scripts.js';
import { ConversationChangedChange } from './texting.js';

/**
 * What a client can follow live; the server maps each topic to a room the
 * session's role may join. `campaigns`: the campaign list; `event-log`: every
 * event; `people`: members (admins and auditors); `tags`: the organization's tags;
 * `campaign:<id>`: one campaign's changes (details, status, survey, chosen tags);
 * `texter:<personId>`: one texter's conversations (that texter, and admins);
 * `review:<campaignId>`: every conversation of a campaign, whoever holds it
 * (message review: admins and auditors).
 */
export const Topic = z.union([
  z.enum(['campaigns', 'event-log', 'people', 'tags']),
  z.templateLiteral(['campaign:', z.uuid()]),
  z.templateLiteral(['texter:', z.uuid()]),
  z.templateLiteral(['review:', z.uuid()]),
]);
export type Topic = z.infer<typeof Topic>;

/** Client → server on every (re)connect: replay what changed after `since`, then stream live. */
export const SyncRequest = z.strictObject({ topics: z.array(Topic).min(1).max(10), since: PositionText });
export type SyncRequest = z.infer<typeof SyncRequest>;

export const Change = z.discriminatedUnion('kind', [
  // Sent to the list's followers as 'campaigns', and to one campaign's followers as 'campaign:<id>'.
  z.object({ kind: z.literal('campaign.upserted'), topic: z.union([z.literal('campaigns'), z.templateLiteral(['campaign:', z.uuid()])]), position: z.string(), payload: CampaignView }),
  z.object({ kind: z.literal('event.appended'), topic: z.literal('event-log'), position: z.string(), payload: EventLogEntry }),
  z.object({ kind: z.literal('person.upserted'), topic: z.literal('people'), position: z.string(), payload: PersonView }),
  TagUpsertedChange,
  SurveyUpsertedChange,
  ScriptRevisedChange, CannedResponsesChangedChange,
  ContactUploadChangedChange,
  ConversationChangedChange,
]);
export type Change = z.infer<typeof Change>;

/**
 * Server → client answer to a sync: the replayed changes (positions are unique
 * within a topic; one event may change several topics at the same position);
 * live ones follow as `change` messages. `complete: false` means the replay was
 * cut at its limit: the client is too far behind and must reload its screen.
 */
export const SyncReply = z.object({ ok: z.literal(true), changes: z.array(Change), position: z.string(), complete: z.boolean().default(true) }).or(
  z.object({ ok: z.literal(false), error: z.string() }),
);
export type SyncReply = z.infer<typeof SyncReply>;

/**
 * `resync` (server → client): the server's read models were rebuilt or caught
 * up without announcing each change; sync again from the last position applied.
 */
/**
 * `upload-progress` (server → client): how a running contact upload is doing
 * (UploadProgress), sent to the sockets following that campaign; ephemeral,
 * never replayed: the upload's summary is in the log.
 */
export const SOCKET_EVENTS = { sync: 'sync', change: 'change', resync: 'resync', uploadProgress: 'upload-progress' } as const;
