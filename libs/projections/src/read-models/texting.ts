import type { Change, ConversationStatus, ConversationView, InboxView, MessageView } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector, type StoredEvent } from '../projector.js';
import { contactCount, escapeLike } from './contacts.js';

interface ConversationRow {
  contact_id: string;
  campaign_id: string;
  texter_id: string | null;
  status: ConversationStatus;
  texted: number;
  phone: string;
  first_name: string;
  last_name: string;
  time_zone: string | null;
  last_message_id: string | null;
  possible_opt_out: string | null;
  unreachable: string | null;
  updated_at: string;
  position: number;
}

interface MessageRow {
  message_id: string;
  contact_id: string;
  campaign_id: string;
  direction: 'out' | 'in';
  texter_id: string | null;
  body: string;
  status: string;
  error_code: string | null;
  kind: string | null;
  provider_id: string | null;
  at: string;
  position: number;
}

const toMessage = (row: MessageRow): MessageView => ({
  messageId: row.message_id,
  direction: row.direction,
  body: row.body,
  status: row.status,
  errorCode: row.error_code,
  texterId: row.texter_id,
  at: row.at,
  kind: row.kind,
});

const messageById = (db: Database.Database, messageId: string | null) =>
  messageId === null ? undefined : cachedStatement<[string], MessageRow>(db, 'SELECT * FROM messages WHERE message_id = ?').get(messageId);

const toConversation = (db: Database.Database, row: ConversationRow): ConversationView => {
  const last = messageById(db, row.last_message_id);
  return {
    contactId: row.contact_id,
    campaignId: row.campaign_id,
    texterId: row.texter_id,
    status: row.status,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    timeZone: row.time_zone,
    lastMessage: last ? toMessage(last) : null,
    possibleOptOut: row.possible_opt_out,
    unreachable: row.unreachable,
    tags: cachedStatement<[string], string>(db, 'SELECT tag_id FROM conversation_tags WHERE contact_id = ? ORDER BY position').pluck().all(row.contact_id),
    answers: cachedStatement<[string], { questionId: string; answerId: string }>(db, 'SELECT question_id AS questionId, answer_id AS answerId FROM survey_answers WHERE contact_id = ? ORDER BY position').all(row.contact_id),
    updatedAt: row.updated_at,
  };
};

const conversationRow = (db: Database.Database, contactId: string) =>
  cachedStatement<[string], ConversationRow>(db, 'SELECT * FROM conversations WHERE contact_id = ?').get(contactId);

/** One change per texter who should hear it (the owner now, and the owner before when it moved), and one for the campaign's message review. */
function announced(db: Database.Database, event: StoredEvent, contactId: string, messageId: string | null, previousTexterId: string | null = null): Change[] {
  const row = conversationRow(db, contactId);
  if (!row) return [];
  const conversation = toConversation(db, row);
  const message = messageById(db, messageId);
  const payload = { conversation, message: message ? toMessage(message) : null, previousTexterId };
  const texters = new Set([row.texter_id, previousTexterId].filter((t): t is string => t !== null));
  const topics = [...[...texters].map((texterId) => `texter:${texterId}`), `review:${row.campaign_id}`];
  return topics.map((topic) => ({ kind: 'conversation.changed', topic, position: String(event.position.commit), payload }) as Change);
}

function touch(db: Database.Database, event: StoredEvent, contactId: string, set: string, values: unknown[], at: string) {
  cachedStatement(db, `UPDATE conversations SET ${set}, updated_at = ?, position = ? WHERE contact_id = ?`).run(...values, at, event.position.commit, contactId);
}

/** A change to a conversation's record beside its messages (answers, tags): it moves up its lists and is announced. */
function noted(db: Database.Database, event: StoredEvent, contactId: string, at: string, announce: boolean): Change[] | undefined {
  touch(db, event, contactId, 'status = status', [], at);
  return announce ? announced(db, event, contactId, null) : undefined;
}

function setMessage(db: Database.Database, messageId: string, status: string, errorCode: string | null, providerId: string | null = null) {
  cachedStatement(db, 'UPDATE messages SET status = ?, error_code = COALESCE(?, error_code), provider_id = COALESCE(?, provider_id) WHERE message_id = ?').run(status, errorCode, providerId, messageId);
}

const insertMessage = (db: Database.Database, event: StoredEvent, row: Omit<MessageRow, 'position' | 'error_code' | 'provider_id'>) =>
  cachedStatement(db, 'INSERT OR IGNORE INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?)').run(
    row.message_id, row.contact_id, row.campaign_id, row.direction, row.texter_id, row.body, row.status, row.kind, row.at, event.position.commit,
  );

/**
 * Conversations (one row per contact ever handed out: who owns it and where
 * it stands) and their messages. A contact returned to the pool before its
 * first text loses its row, so "not in conversations" is the pool.
 */
export const textingProjector = defineProjector({
  name: 'texting',
  version: 4,
  tables: ['conversations', 'messages', 'unmatched_replies', 'conversation_tags', 'survey_answers'],
  schema: `
    CREATE TABLE IF NOT EXISTS conversations (
      contact_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, texter_id TEXT, status TEXT NOT NULL, texted INTEGER NOT NULL DEFAULT 0,
      phone TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL, time_zone TEXT,
      last_message_id TEXT, possible_opt_out TEXT, unreachable TEXT, updated_at TEXT NOT NULL, position INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS conversations_by_texter ON conversations (texter_id, status, position);
    CREATE INDEX IF NOT EXISTS conversations_by_campaign ON conversations (campaign_id, texter_id, status);
    CREATE INDEX IF NOT EXISTS conversations_by_phone ON conversations (phone, position);
    CREATE TABLE IF NOT EXISTS messages (
      message_id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, campaign_id TEXT NOT NULL, direction TEXT NOT NULL, texter_id TEXT,
      body TEXT NOT NULL, status TEXT NOT NULL, error_code TEXT, kind TEXT, provider_id TEXT, at TEXT NOT NULL, position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS messages_by_contact ON messages (contact_id, position);
    CREATE INDEX IF NOT EXISTS messages_by_provider ON messages (provider_id) WHERE provider_id IS NOT NULL;
    CREATE TABLE IF NOT EXISTS conversation_tags (
      contact_id TEXT NOT NULL, tag_id TEXT NOT NULL, campaign_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (contact_id, tag_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS survey_answers (
      contact_id TEXT NOT NULL, question_id TEXT NOT NULL, answer_id TEXT NOT NULL, campaign_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (contact_id, question_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS unmatched_replies (
      provider_id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, phone TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL, received_at TEXT NOT NULL, position INTEGER NOT NULL
    );`,
  handlers: {
    ContactsAssigned: (event, db, announce) => {
      const d = event.data;
      const statement = cachedStatement(
        db,
        `INSERT INTO conversations (contact_id, campaign_id, texter_id, status, phone, first_name, last_name, time_zone, updated_at, position)
         SELECT contact_id, campaign_id, ?, 'needs_first_text', phone, first_name, last_name, time_zone, ?, ? FROM contacts WHERE contact_id = ?
         ON CONFLICT (contact_id) DO UPDATE SET texter_id = excluded.texter_id, updated_at = excluded.updated_at, position = excluded.position`,
      );
      for (const id of d.contactIds) statement.run(d.texterId, d.assignedAt, event.position.commit, id);
      return announce ? d.contactIds.flatMap((id) => announced(db, event, id, null)) : undefined;
    },
    ContactsUnassigned: (event, db, announce) => {
      const d = event.data;
      const changes: Change[] = [];
      for (const id of d.contactIds) {
        const row = conversationRow(db, id);
        if (!row) continue;
        // The texter who had it hears that it left; one never texted goes back to the pool (no row).
        touch(db, event, id, 'texter_id = NULL', [], d.unassignedAt);
        if (announce) changes.push(...announced(db, event, id, null, d.texterId));
        if (row.texted === 0) cachedStatement(db, 'DELETE FROM conversations WHERE contact_id = ?').run(id);
      }
      return announce ? changes : undefined;
    },
    ContactsReassigned: (event, db, announce) => {
      const d = event.data;
      for (const id of d.contactIds) touch(db, event, id, 'texter_id = ?', [d.toTexterId], d.reassignedAt);
      return announce ? d.contactIds.flatMap((id) => announced(db, event, id, null, d.fromTexterId)) : undefined;
    },
    InitialMessageSent: (event, db, announce) => {
      const d = event.data;
      insertMessage(db, event, { message_id: d.messageId, contact_id: d.contactId, campaign_id: d.campaignId, direction: 'out', texter_id: d.texterId, body: d.body, status: 'queued', kind: null, at: d.gestureAt });
      touch(db, event, d.contactId, "texted = 1, status = CASE WHEN status = 'opted_out' THEN status ELSE 'waiting' END, last_message_id = ?", [d.messageId], d.gestureAt);
      return announce ? announced(db, event, d.contactId, d.messageId) : undefined;
    },
    ReplySent: (event, db, announce) => {
      const d = event.data;
      insertMessage(db, event, { message_id: d.messageId, contact_id: d.contactId, campaign_id: d.campaignId, direction: 'out', texter_id: d.texterId, body: d.body, status: 'queued', kind: null, at: d.sentAt });
      touch(db, event, d.contactId, "status = CASE WHEN status = 'opted_out' THEN status ELSE 'waiting' END, possible_opt_out = NULL, last_message_id = ?", [d.messageId], d.sentAt);
      return announce ? announced(db, event, d.contactId, d.messageId) : undefined;
    },
    MessageDispatched: (event, db, announce) => {
      setMessage(db, event.data.messageId, 'dispatched', null, event.data.providerMessageId);
      return announce ? announced(db, event, event.data.contactId, event.data.messageId) : undefined;
    },
    MessageNotSent: (event, db, announce) => {
      setMessage(db, event.data.messageId, 'not_sent', event.data.errorCode ?? event.data.reason);
      return announce ? announced(db, event, event.data.contactId, event.data.messageId) : undefined;
    },
    MessageOutcomeUnknown: (event, db, announce) => {
      setMessage(db, event.data.messageId, 'unknown', null);
      return announce ? announced(db, event, event.data.contactId, event.data.messageId) : undefined;
    },
    MessageOutcomeUndecided: (event, db, announce) => {
      setMessage(db, event.data.messageId, 'undecided', null);
      return announce ? announced(db, event, event.data.contactId, event.data.messageId) : undefined;
    },
    // The carrier says the number cannot take texts: the texter sees why beside the thread.
    ContactMarkedUnreachable: (event, db, announce) => {
      touch(db, event, event.data.contactId, 'unreachable = ?', [event.data.reason], event.data.at);
      return announce ? announced(db, event, event.data.contactId, null) : undefined;
    },
    MessageDeliveryUpdated: (event, db, announce) => {
      setMessage(db, event.data.messageId, event.data.status, event.data.errorCode ?? null);
      return announce ? announced(db, event, event.data.contactId, event.data.messageId) : undefined;
    },
    ReplyReceived: (event, db, announce) => {
      const d = event.data;
      insertMessage(db, event, { message_id: d.providerMessageId, contact_id: d.contactId, campaign_id: d.campaignId, direction: 'in', texter_id: null, body: d.body, status: 'received', kind: d.kind, at: d.receivedAt });
      const status = d.kind === 'opt_out' ? "'opted_out'" : d.kind === 'opt_in' ? "'waiting'" : "CASE WHEN status = 'opted_out' THEN status ELSE 'needs_reply' END";
      touch(db, event, d.contactId, `status = ${status}, possible_opt_out = ?, last_message_id = ?`, [d.kind === 'possible_opt_out' ? (d.phrase ?? d.body) : null, d.providerMessageId], d.receivedAt);
      return announce ? announced(db, event, d.contactId, d.providerMessageId) : undefined;
    },
    SurveyAnswerRecorded: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, 'INSERT OR REPLACE INTO survey_answers VALUES (?, ?, ?, ?, ?)').run(d.contactId, d.questionId, d.answerId, d.campaignId, event.position.commit);
      return noted(db, event, d.contactId, d.recordedAt, announce);
    },
    SurveyAnswerCleared: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, 'DELETE FROM survey_answers WHERE contact_id = ? AND question_id = ?').run(d.contactId, d.questionId);
      return noted(db, event, d.contactId, d.clearedAt, announce);
    },
    ConversationTagged: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, 'INSERT OR IGNORE INTO conversation_tags VALUES (?, ?, ?, ?)').run(d.contactId, d.tagId, d.campaignId, event.position.commit);
      return noted(db, event, d.contactId, d.taggedAt, announce);
    },
    ConversationUntagged: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, 'DELETE FROM conversation_tags WHERE contact_id = ? AND tag_id = ?').run(d.contactId, d.tagId);
      return noted(db, event, d.contactId, d.untaggedAt, announce);
    },
    ConversationClosed: (event, db, announce) => {
      const d = event.data;
      touch(db, event, d.contactId, "status = CASE WHEN status = 'opted_out' THEN status ELSE 'closed' END", [], d.closedAt);
      return announce ? announced(db, event, d.contactId, null) : undefined;
    },
    UnmatchedReplyReceived: (event, db) => {
      const d = event.data;
      cachedStatement(db, 'INSERT OR IGNORE INTO unmatched_replies VALUES (?, ?, ?, ?, ?, ?, ?)').run(d.providerMessageId, d.organizationId, d.from, d.body, d.kind, d.receivedAt, event.position.commit);
    },
    PhonesOptedOut: (event, db, announce) => {
      const changes: Change[] = [];
      for (const phone of event.data.phones) {
        const rows = cachedStatement<[string], { contact_id: string }>(db, "SELECT contact_id FROM conversations WHERE phone = ? AND status != 'opted_out'").all(phone);
        for (const { contact_id } of rows) {
          touch(db, event, contact_id, "status = 'opted_out', possible_opt_out = NULL", [], event.data.optedOutAt);
          if (announce) changes.push(...announced(db, event, contact_id, null));
        }
      }
      return announce ? changes : undefined;
    },
    PhoneOptedIn: (event, db, announce) => {
      const rows = cachedStatement<[string], { contact_id: string }>(db, "SELECT contact_id FROM conversations WHERE phone = ? AND status = 'opted_out'").all(event.data.phone);
      for (const { contact_id } of rows) touch(db, event, contact_id, "status = CASE WHEN texted = 1 THEN 'waiting' ELSE 'needs_first_text' END", [], event.data.optedInAt);
      return announce ? rows.flatMap((r) => announced(db, event, r.contact_id, null)) : undefined;
    },
  },
});

const VIEW_STATUSES: Record<InboxView, readonly ConversationStatus[]> = {
  needs_reply: ['needs_reply'],
  needs_first_text: ['needs_first_text'],
  waiting: ['waiting'],
  closed: ['closed', 'opted_out'],
  opted_out: ['opted_out'],
  all: ['needs_first_text', 'waiting', 'needs_reply', 'closed', 'opted_out'],
};

export interface ConversationFilter {
  /** null: nobody's (the admin queue). */
  readonly texterId?: string | null;
  readonly campaignId?: string;
  readonly view: InboxView;
  readonly search?: string;
  readonly tagId?: string;
  readonly questionId?: string;
  readonly answerId?: string;
  readonly errorCode?: string;
}

function whereOf(filter: ConversationFilter): { clause: string; params: unknown[] } {
  const statuses = VIEW_STATUSES[filter.view];
  const where = [`c.status IN (${statuses.map(() => '?').join(', ')})`];
  const params: unknown[] = [...statuses];
  if (filter.texterId === null) where.push('c.texter_id IS NULL');
  else if (filter.texterId !== undefined) (where.push('c.texter_id = ?'), params.push(filter.texterId));
  if (filter.campaignId !== undefined) (where.push('c.campaign_id = ?'), params.push(filter.campaignId));
  if (filter.search) {
    const like = `%${escapeLike(filter.search)}%`;
    where.push("(c.first_name || ' ' || c.last_name LIKE ? ESCAPE '\\' OR c.phone LIKE ? ESCAPE '\\')");
    params.push(like, like);
  }
  if (filter.tagId !== undefined) (where.push('EXISTS (SELECT 1 FROM conversation_tags t WHERE t.contact_id = c.contact_id AND t.tag_id = ?)'), params.push(filter.tagId));
  if (filter.questionId !== undefined && filter.answerId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM survey_answers a WHERE a.contact_id = c.contact_id AND a.question_id = ? AND a.answer_id = ?)');
    params.push(filter.questionId, filter.answerId);
  }
  if (filter.errorCode !== undefined) (where.push('EXISTS (SELECT 1 FROM messages m WHERE m.contact_id = c.contact_id AND m.error_code = ?)'), params.push(filter.errorCode));
  return { clause: where.join(' AND '), params };
}

/** A texter's inbox (one campaign or all) or message review, newest change first. */
export function listConversations(db: Database.Database, filter: ConversationFilter & { limit: number; offset: number }): { conversations: ConversationView[]; total: number } {
  const { clause, params } = whereOf(filter);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM conversations c WHERE ${clause}`).get(...params) as { n: number }).n;
  const rows = db.prepare(`SELECT c.* FROM conversations c WHERE ${clause} ORDER BY c.position DESC LIMIT ? OFFSET ?`).all(...params, filter.limit, filter.offset) as ConversationRow[];
  return { conversations: rows.map((row) => toConversation(db, row)), total };
}

/** The contact ids a filter matches (oldest change first), at most `limit`: what an admin's move touches. */
export function conversationIdsMatching(db: Database.Database, filter: ConversationFilter, limit: number): string[] {
  const { clause, params } = whereOf(filter);
  return db.prepare(`SELECT c.contact_id FROM conversations c WHERE ${clause} ORDER BY c.position LIMIT ?`).pluck().all(...params, limit) as string[];
}

export function findConversation(db: Database.Database, contactId: string): ConversationView | undefined {
  const row = conversationRow(db, contactId);
  return row ? toConversation(db, row) : undefined;
}

export function threadOf(db: Database.Database, contactId: string): MessageView[] {
  return cachedStatement<[string], MessageRow>(db, 'SELECT * FROM messages WHERE contact_id = ? ORDER BY position, message_id').all(contactId).map(toMessage);
}

export function countByStatus(db: Database.Database, campaignId: string, texterId: string, status: ConversationStatus): number {
  return cachedStatement<[string, string, string], { n: number }>(db, 'SELECT COUNT(*) AS n FROM conversations WHERE campaign_id = ? AND texter_id = ? AND status = ?').get(campaignId, texterId, status)!.n;
}

/** Per texter: how many conversations in each state (the admin's assignment screen). */
export function texterLoads(db: Database.Database, campaignId: string) {
  const rows = cachedStatement<[string], { texter_id: string; status: ConversationStatus; n: number }>(
    db,
    'SELECT texter_id, status, COUNT(*) AS n FROM conversations WHERE campaign_id = ? AND texter_id IS NOT NULL GROUP BY texter_id, status',
  ).all(campaignId);
  const loads = new Map<string, Record<ConversationStatus, number>>();
  for (const row of rows) {
    const load = loads.get(row.texter_id) ?? { needs_first_text: 0, waiting: 0, needs_reply: 0, closed: 0, opted_out: 0 };
    load[row.status] = row.n;
    loads.set(row.texter_id, load);
  }
  return loads;
}

/** Conversations whose contact wrote from `phone`, most recent first: where an inbound text lands. */
export function conversationsByPhone(db: Database.Database, phone: string): Array<{ contactId: string; campaignId: string; texterId: string | null }> {
  return cachedStatement<[string], { contact_id: string; campaign_id: string; texter_id: string | null }>(
    db,
    'SELECT contact_id, campaign_id, texter_id FROM conversations WHERE phone = ? ORDER BY position DESC',
  )
    .all(phone)
    .map((r) => ({ contactId: r.contact_id, campaignId: r.campaign_id, texterId: r.texter_id }));
}

export function messageByProviderId(db: Database.Database, providerId: string): { messageId: string; contactId: string; campaignId: string } | undefined {
  const row = cachedStatement<[string], MessageRow>(db, 'SELECT * FROM messages WHERE provider_id = ?').get(providerId);
  return row ? { messageId: row.message_id, contactId: row.contact_id, campaignId: row.campaign_id } : undefined;
}

/**
 * Unowned contacts of a campaign in hand-out order within one time zone,
 * after `after` (contact ids are the order): the candidates a request for
 * more offers the texting decider, which has the final word.
 */
export function poolCandidates(db: Database.Database, campaignId: string, timeZone: string | null, after: string, limit: number): string[] {
  return cachedStatement<[string, string | null, string, number], { contact_id: string }>(
    db,
    `SELECT c.contact_id FROM contacts c WHERE c.campaign_id = ? AND c.time_zone IS ? AND c.contact_id > ?
       AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.contact_id = c.contact_id) ORDER BY c.contact_id LIMIT ?`,
  )
    .all(campaignId, timeZone, after, limit)
    .map((r) => r.contact_id);
}

/** Contacts of the campaign nobody holds and nobody texted: every conversation row is either held or texted. */
export function unassignedCount(db: Database.Database, campaignId: string): number {
  const conversations = cachedStatement<[string], number>(db, 'SELECT COUNT(*) FROM conversations WHERE campaign_id = ?').pluck().get(campaignId)!;
  return contactCount(db, campaignId) - conversations;
}

/**
 * Replay for `texter:<id>` or `review:<campaignId>`: the texter's (or the
 * campaign's) conversations that changed after `since`, as their latest state
 * (capped: a long absence reloads).
 */
export function conversationChangesSince(db: Database.Database, topic: `texter:${string}` | `review:${string}`, since: bigint): Change[] {
  const [scope, id] = topic.startsWith('texter:') ? (['texter_id', topic.slice('texter:'.length)] as const) : (['campaign_id', topic.slice('review:'.length)] as const);
  return cachedStatement<[string, bigint], ConversationRow>(db, `SELECT * FROM conversations WHERE ${scope} = ? AND position > ? ORDER BY position LIMIT 500`)
    .all(id, since)
    .map((row) => {
      const conversation = toConversation(db, row);
      return { kind: 'conversation.changed', topic, position: String(row.position), payload: { conversation, message: conversation.lastMessage, previousTexterId: null } } as Change;
    });
}

/** Texts from numbers no conversation has: the organization's queue, newest first. */
export function listUnmatchedReplies(db: Database.Database, organizationId: string, limit: number, offset: number) {
  const total = cachedStatement<[string], { n: number }>(db, 'SELECT COUNT(*) AS n FROM unmatched_replies WHERE organization_id = ?').get(organizationId)!.n;
  const replies = cachedStatement<[string, number, number], { provider_id: string; phone: string; body: string; kind: string; received_at: string }>(
    db,
    'SELECT * FROM unmatched_replies WHERE organization_id = ? ORDER BY position DESC LIMIT ? OFFSET ?',
  )
    .all(organizationId, limit, offset)
    .map((r) => ({ providerMessageId: r.provider_id, from: r.phone, body: r.body, kind: r.kind, receivedAt: r.received_at }));
  return { replies, total };
}
