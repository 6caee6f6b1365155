import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';

/**
 * What admins watch on a texting night: per campaign, per texter, per minute.
 * Every row is a pure function of the events (their own times, never the
 * wall clock), so a rebuild at any position gives the same numbers; the
 * queries below take `now` as data for what depends on it (the last hours,
 * how old an unanswered reply is, the failure alarm).
 *
 * The handlers keep their own message and contact state rather than reading
 * the texting read model: the runner applies each projector to a whole batch
 * in turn, so another projector's rows are already ahead of the event at hand.
 */
export const dashboardProjector = defineProjector({
  name: 'dashboard',
  version: 2,
  tables: ['dash_messages', 'dash_contacts', 'dash_minutes', 'dash_error_minutes', 'dash_texters', 'dash_answers', 'dash_tags', 'dash_carrier_alarms'],
  schema: `
    CREATE TABLE IF NOT EXISTS dash_messages (
      message_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, contact_id TEXT NOT NULL, texter_id TEXT, first INTEGER NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS dash_messages_by_campaign ON dash_messages (campaign_id, status);
    CREATE INDEX IF NOT EXISTS dash_messages_by_texter ON dash_messages (texter_id, at);
    CREATE TABLE IF NOT EXISTS dash_contacts (
      contact_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, phone TEXT NOT NULL, texter_id TEXT,
      replied INTEGER NOT NULL DEFAULT 0, opted_out INTEGER NOT NULL DEFAULT 0, unreachable INTEGER NOT NULL DEFAULT 0,
      outcome TEXT NOT NULL DEFAULT 'queued', awaiting_since TEXT
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS dash_contacts_by_campaign ON dash_contacts (campaign_id, texter_id);
    CREATE INDEX IF NOT EXISTS dash_contacts_by_phone ON dash_contacts (phone);
    CREATE INDEX IF NOT EXISTS dash_contacts_awaiting ON dash_contacts (texter_id, awaiting_since) WHERE awaiting_since IS NOT NULL;
    CREATE TABLE IF NOT EXISTS dash_minutes (
      campaign_id TEXT NOT NULL, minute TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0, delivered INTEGER NOT NULL DEFAULT 0,
      replies INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (campaign_id, minute)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS dash_error_minutes (
      campaign_id TEXT NOT NULL, minute TEXT NOT NULL, code TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (campaign_id, code, minute)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS dash_texters (
      campaign_id TEXT NOT NULL, texter_id TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0, last_active TEXT NOT NULL, PRIMARY KEY (campaign_id, texter_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS dash_answers (
      campaign_id TEXT NOT NULL, question_id TEXT NOT NULL, answer_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (campaign_id, question_id, answer_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS dash_tags (
      campaign_id TEXT NOT NULL, tag_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (campaign_id, tag_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS dash_carrier_alarms (
      campaign_id TEXT NOT NULL, alarm TEXT NOT NULL, error_code TEXT NOT NULL, raised_at TEXT NOT NULL, PRIMARY KEY (campaign_id, alarm)
    ) WITHOUT ROWID;`,
  handlers: {
    ContactsReassigned: (event, db) => {
      // Replies waiting follow the conversation to its new owner.
      const statement = cachedStatement(db, 'UPDATE dash_contacts SET texter_id = ? WHERE contact_id = ?');
      for (const id of event.data.contactIds) statement.run(event.data.toTexterId, id);
    },
    ContactsUnassigned: (event, db) => {
      const statement = cachedStatement(db, 'UPDATE dash_contacts SET texter_id = NULL WHERE contact_id = ?');
      for (const id of event.data.contactIds) statement.run(id);
    },
    InitialMessageSent: (event, db) => {
      const d = event.data;
      cachedStatement(db, 'INSERT INTO dash_contacts (contact_id, campaign_id, phone, texter_id) VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO NOTHING').run(
        d.contactId, d.campaignId, d.to, d.texterId,
      );
      outbound(db, d.campaignId, d.contactId, d.texterId, d.messageId, d.gestureAt, 1);
    },
    ReplySent: (event, db) => {
      const d = event.data;
      outbound(db, d.campaignId, d.contactId, d.texterId, d.messageId, d.sentAt, 0);
      cachedStatement(db, 'UPDATE dash_contacts SET awaiting_since = NULL WHERE contact_id = ?').run(d.contactId);
    },
    MessageDispatched: (event, db) => {
      // Also a reconciled one: the provider turned out to have it.
      cachedStatement(db, "UPDATE dash_messages SET status = 'dispatched' WHERE message_id = ? AND status IN ('queued', 'unknown')").run(event.data.messageId);
    },
    MessageNotSent: (event, db) => {
      const d = event.data;
      // Outcome unknown ('ambiguous', logs of dispatcher v1) is not a failure yet: it needs an admin (see overview).
      // Held back by the product (an opt-out, the window closing in the queue, never reached the provider): not a carrier failure.
      const status = d.reason === 'ambiguous' ? 'unknown' : d.reason === 'opted_out' || d.reason === 'expired' || d.reason === 'not_at_provider' ? 'not_sent' : 'failed';
      settled(db, d.messageId, status, d.errorCode ?? (status === 'failed' ? d.reason : null), d.at);
    },
    MessageOutcomeUnknown: (event, db) => {
      cachedStatement(db, "UPDATE dash_messages SET status = 'unknown' WHERE message_id = ? AND status = 'queued'").run(event.data.messageId);
    },
    ContactMarkedUnreachable: (event, db) => {
      cachedStatement(db, 'UPDATE dash_contacts SET unreachable = 1 WHERE contact_id = ?').run(event.data.contactId);
    },
    // Carrier filtering (30007) and an unregistered sender (30034): the campaign's alarm stays on until acknowledged.
    DeliveryAlarmRaised: (event, db) => {
      const d = event.data;
      cachedStatement(db, 'INSERT INTO dash_carrier_alarms VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(d.campaignId, d.alarm, d.errorCode, d.raisedAt);
    },
    MessageDeliveryUpdated: (event, db) => {
      const d = event.data;
      settled(db, d.messageId, d.status, d.errorCode ?? null, d.at);
    },
    ReplyReceived: (event, db) => {
      const d = event.data;
      bucket(db, d.campaignId, d.receivedAt, 'replies');
      const set =
        d.kind === 'opt_out' ? 'opted_out = 1, awaiting_since = NULL'
        : d.kind === 'opt_in' ? 'opted_out = 0'
        // Unanswered since the first reply nobody answered yet; an opted-out contact's words wait for no one.
        : 'awaiting_since = CASE WHEN opted_out = 1 THEN NULL ELSE COALESCE(awaiting_since, ?) END';
      cachedStatement(db, `UPDATE dash_contacts SET replied = 1, ${set} WHERE contact_id = ?`).run(...(d.kind === 'opt_out' || d.kind === 'opt_in' ? [] : [d.receivedAt]), d.contactId);
    },
    ConversationClosed: (event, db) => {
      cachedStatement(db, 'UPDATE dash_contacts SET awaiting_since = NULL WHERE contact_id = ?').run(event.data.contactId);
      activity(db, event.data.campaignId, event.data.by, event.data.closedAt);
    },
    SurveyAnswerRecorded: (event, db) => {
      const d = event.data;
      if (d.previousAnswerId) count(db, 'dash_answers', [d.campaignId, d.questionId, d.previousAnswerId], -1);
      count(db, 'dash_answers', [d.campaignId, d.questionId, d.answerId], 1);
      activity(db, d.campaignId, d.by, d.recordedAt);
    },
    SurveyAnswerCleared: (event, db) => {
      const d = event.data;
      count(db, 'dash_answers', [d.campaignId, d.questionId, d.answerId], -1);
      activity(db, d.campaignId, d.by, d.clearedAt);
    },
    ConversationTagged: (event, db) => {
      const d = event.data;
      count(db, 'dash_tags', [d.campaignId, d.tagId], 1);
      activity(db, d.campaignId, d.by, d.taggedAt);
    },
    ConversationUntagged: (event, db) => {
      const d = event.data;
      count(db, 'dash_tags', [d.campaignId, d.tagId], -1);
      activity(db, d.campaignId, d.by, d.untaggedAt);
    },
    // Keyword STOP, a carrier's 21610 and a manual opt-out all end here; the list is the organization's.
    PhonesOptedOut: (event, db) => {
      const statement = cachedStatement(db, 'UPDATE dash_contacts SET opted_out = 1, awaiting_since = NULL WHERE phone = ?');
      for (const phone of event.data.phones) statement.run(phone);
    },
    PhoneOptedIn: (event, db) => {
      cachedStatement(db, 'UPDATE dash_contacts SET opted_out = 0 WHERE phone = ?').run(event.data.phone);
    },
  },
});

type Column = 'sent' | 'delivered' | 'replies' | 'failed';

/** The minute an ISO time falls in ("2026-11-28T12:03"): buckets compare as text. */
export const minuteOf = (iso: string) => iso.slice(0, 16);

function bucket(db: Database.Database, campaignId: string, at: string, column: Column) {
  cachedStatement(db, `INSERT INTO dash_minutes (campaign_id, minute, ${column}) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET ${column} = ${column} + 1`).run(campaignId, minuteOf(at));
}

function count(db: Database.Database, table: 'dash_answers' | 'dash_tags', key: string[], by: 1 | -1) {
  const columns = table === 'dash_answers' ? 'campaign_id, question_id, answer_id' : 'campaign_id, tag_id';
  cachedStatement(db, `INSERT INTO ${table} (${columns}, n) VALUES (${key.map(() => '?').join(', ')}, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`).run(...key, by);
}

/** A texter did something in a campaign (staff fixing a record count too: they were active). */
function activity(db: Database.Database, campaignId: string, texterId: string, at: string, sent = 0) {
  cachedStatement(
    db,
    'INSERT INTO dash_texters (campaign_id, texter_id, sent, last_active) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET sent = sent + excluded.sent, last_active = MAX(last_active, excluded.last_active)',
  ).run(campaignId, texterId, sent, at);
}

function outbound(db: Database.Database, campaignId: string, contactId: string, texterId: string, messageId: string, at: string, first: 0 | 1) {
  const inserted = cachedStatement(db, "INSERT OR IGNORE INTO dash_messages VALUES (?, ?, ?, ?, ?, 'queued', ?)").run(messageId, campaignId, contactId, texterId, first, at);
  if (inserted.changes === 0) return;
  cachedStatement(db, "UPDATE dash_contacts SET outcome = 'queued' WHERE contact_id = ?").run(contactId);
  bucket(db, campaignId, at, 'sent');
  activity(db, campaignId, texterId, at, 1);
}

const FINAL = new Set(['delivered', 'undelivered', 'failed', 'not_sent']);

/** A message's outcome moves forward only; the contact's outcome is its latest message's. */
function settled(db: Database.Database, messageId: string, status: string, errorCode: string | null, at: string) {
  const row = cachedStatement<[string], { campaign_id: string; contact_id: string; status: string }>(db, 'SELECT campaign_id, contact_id, status FROM dash_messages WHERE message_id = ?').get(messageId);
  if (!row || FINAL.has(row.status) || row.status === status) return;
  cachedStatement(db, 'UPDATE dash_messages SET status = ? WHERE message_id = ?').run(status, messageId);
  cachedStatement(db, 'UPDATE dash_contacts SET outcome = ? WHERE contact_id = ?').run(status, row.contact_id);
  if (status === 'delivered') bucket(db, row.campaign_id, at, 'delivered');
  if (status === 'failed' || status === 'undelivered') bucket(db, row.campaign_id, at, 'failed');
  if (errorCode) {
    cachedStatement(db, 'INSERT INTO dash_error_minutes VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1').run(row.campaign_id, minuteOf(at), errorCode);
  }
}

/** The failure alarm compares the last ALARM_MINUTES with the hour before them. */
const ALARM_MINUTES = 5;
/** Below this many texts in the window a few failures prove nothing. */
const ALARM_MIN_SENT = 20;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const minutesBefore = (now: Date, minutes: number) => minuteOf(new Date(now.getTime() - minutes * 60_000).toISOString());

interface Totals {
  texted: number;
  replied: number;
  opted_out: number;
  unreachable: number;
  failed: number;
}

/** The campaign's counters read from its contacts' and messages' states (`contacts` is the contacts read model's count). */
export function campaignCounters(db: Database.Database, campaignId: string) {
  const t = cachedStatement<[string], Totals>(
    db,
    `SELECT COUNT(*) AS texted, COALESCE(SUM(replied), 0) AS replied, COALESCE(SUM(opted_out), 0) AS opted_out,
       COALESCE(SUM(unreachable), 0) AS unreachable, COALESCE(SUM(outcome = 'failed'), 0) AS failed
     FROM dash_contacts WHERE campaign_id = ?`,
  ).get(campaignId)!;
  const m = cachedStatement<[string], { sent: number; delivered: number; queued: number; unknown: number }>(
    db,
    `SELECT COUNT(*) AS sent, COALESCE(SUM(status = 'delivered'), 0) AS delivered, COALESCE(SUM(status = 'queued'), 0) AS queued, COALESCE(SUM(status = 'unknown'), 0) AS unknown
     FROM dash_messages WHERE campaign_id = ?`,
  ).get(campaignId)!;
  return {
    counters: { texted: t.texted, replied: t.replied, optedOut: t.opted_out, unreachable: t.unreachable, failed: t.failed },
    messages: { sent: m.sent, delivered: m.delivered, queued: m.queued, outcomeUnknown: m.unknown },
    rates: { delivery: ratio(m.delivered, m.sent), reply: ratio(t.replied, t.texted) },
  };
}

/** Per-minute traffic from `hours` before `now` up to it, minutes without traffic left out. */
export function campaignMinutes(db: Database.Database, campaignId: string, now: Date, hours: number) {
  return cachedStatement<[string, string, string], { minute: string; sent: number; delivered: number; replies: number; failed: number }>(
    db,
    'SELECT minute, sent, delivered, replies, failed FROM dash_minutes WHERE campaign_id = ? AND minute > ? AND minute <= ? ORDER BY minute',
  ).all(campaignId, minutesBefore(now, hours * 60), minuteOf(now.toISOString()));
}

/** Errors by code, all night and in the alarm's window, with the alarm: the recent failure rate jumped above the hour before. */
export function campaignErrors(db: Database.Database, campaignId: string, now: Date) {
  const recentFrom = minutesBefore(now, ALARM_MINUTES);
  const errors = cachedStatement<[string, string], { code: string; count: number; recent: number }>(
    db,
    'SELECT code, SUM(n) AS count, SUM(CASE WHEN minute > ? THEN n ELSE 0 END) AS recent FROM dash_error_minutes WHERE campaign_id = ? GROUP BY code ORDER BY count DESC, code',
  ).all(recentFrom, campaignId);
  const window = cachedStatement<[string, string, string, string, string, string], { recent_sent: number; recent_failed: number; base_sent: number; base_failed: number }>(
    db,
    `SELECT COALESCE(SUM(CASE WHEN minute > ? THEN sent END), 0) AS recent_sent, COALESCE(SUM(CASE WHEN minute > ? THEN failed END), 0) AS recent_failed,
       COALESCE(SUM(CASE WHEN minute <= ? THEN sent END), 0) AS base_sent, COALESCE(SUM(CASE WHEN minute <= ? THEN failed END), 0) AS base_failed
     FROM dash_minutes WHERE campaign_id = ? AND minute > ?`,
  );
  const w = window.get(recentFrom, recentFrom, recentFrom, recentFrom, campaignId, minutesBefore(now, ALARM_MINUTES + 60))!;
  const recentRate = ratio(w.recent_failed, w.recent_sent);
  const baselineRate = ratio(w.base_failed, w.base_sent);
  const on = recentRate !== null && w.recent_sent >= ALARM_MIN_SENT && recentRate >= Math.max(0.1, 2 * (baselineRate ?? 0));
  const top = [...errors].sort((a, b) => b.recent - a.recent)[0];
  const carrier = cachedStatement<[string], { alarm: 'carrier_filtered' | 'unregistered_10dlc'; errorCode: string; raisedAt: string }>(
    db,
    'SELECT alarm, error_code AS errorCode, raised_at AS raisedAt FROM dash_carrier_alarms WHERE campaign_id = ? ORDER BY raised_at',
  ).all(campaignId);
  return { errors, alarm: { on: on || carrier.length > 0, jumped: on, recentRate, baselineRate, topCode: on && top && top.recent > 0 ? top.code : null, carrier } };
}

export function campaignAnswersAndTags(db: Database.Database, campaignId: string) {
  return {
    answers: cachedStatement<[string], { questionId: string; answerId: string; count: number }>(
      db,
      'SELECT question_id AS questionId, answer_id AS answerId, n AS count FROM dash_answers WHERE campaign_id = ? AND n > 0 ORDER BY question_id, n DESC, answer_id',
    ).all(campaignId),
    tags: cachedStatement<[string], { tagId: string; count: number }>(db, 'SELECT tag_id AS tagId, n AS count FROM dash_tags WHERE campaign_id = ? AND n > 0 ORDER BY n DESC, tag_id').all(campaignId),
  };
}

/** Every texter who did something in the campaign, and whoever holds replies waiting there. */
export function campaignTexters(db: Database.Database, campaignId: string) {
  return cachedStatement<[{ campaignId: string }], { texterId: string; sent: number; repliesWaiting: number; oldestUnansweredAt: string | null; lastActiveAt: string }>(
    db,
    `SELECT t.texter_id AS texterId, COALESCE(x.sent, 0) AS sent, COALESCE(w.n, 0) AS repliesWaiting, w.oldest AS oldestUnansweredAt, COALESCE(x.last_active, w.oldest) AS lastActiveAt
     FROM (SELECT texter_id FROM dash_texters WHERE campaign_id = @campaignId
           UNION SELECT texter_id FROM dash_contacts WHERE campaign_id = @campaignId AND awaiting_since IS NOT NULL AND texter_id IS NOT NULL) t
     LEFT JOIN dash_texters x ON x.campaign_id = @campaignId AND x.texter_id = t.texter_id
     LEFT JOIN (SELECT texter_id, COUNT(*) AS n, MIN(awaiting_since) AS oldest FROM dash_contacts WHERE campaign_id = @campaignId AND awaiting_since IS NOT NULL GROUP BY texter_id) w
       ON w.texter_id = t.texter_id
     ORDER BY t.texter_id`,
  ).all({ campaignId });
}

/** Organization-wide: texts waiting for the pacer, outcome-unknown sends, and replies unanswered for longer than `staleMinutes`. */
export function organizationQueues(db: Database.Database, now: Date, staleMinutes: number) {
  const messages = cachedStatement<[], { queued: number; unknown: number }>(
    db,
    "SELECT COALESCE(SUM(status = 'queued'), 0) AS queued, COALESCE(SUM(status = 'unknown'), 0) AS unknown FROM dash_messages WHERE status IN ('queued', 'unknown')",
  ).get()!;
  const stale = cachedStatement<[string], number>(db, 'SELECT COUNT(*) FROM dash_contacts WHERE awaiting_since IS NOT NULL AND awaiting_since < ?')
    .pluck()
    .get(new Date(now.getTime() - staleMinutes * 60_000).toISOString())!;
  return { pacingQueue: messages.queued, needsAdmin: { outcomeUnknown: messages.unknown, staleReplies: stale } };
}

/** One texter's replies waiting per campaign, and what they sent since `since` (the start of their day). */
export function texterDay(db: Database.Database, texterId: string, since: string) {
  const waiting = cachedStatement<[string], { campaignId: string; n: number; oldest: string }>(
    db,
    'SELECT campaign_id AS campaignId, COUNT(*) AS n, MIN(awaiting_since) AS oldest FROM dash_contacts WHERE texter_id = ? AND awaiting_since IS NOT NULL GROUP BY campaign_id',
  ).all(texterId);
  const today = cachedStatement<[string, string], { first: number; replies: number }>(
    db,
    'SELECT COALESCE(SUM(first), 0) AS first, COALESCE(SUM(1 - first), 0) AS replies FROM dash_messages WHERE texter_id = ? AND at >= ?',
  ).get(texterId, since)!;
  return { waiting, today: { firstTexts: today.first, replies: today.replies, since } };
}

/** Contacts of a campaign nobody texted yet, per time zone (null: no known ZIP). */
export function untextedByTimeZone(db: Database.Database, campaignId: string) {
  return cachedStatement<[string], { timeZone: string | null; n: number }>(
    db,
    'SELECT c.time_zone AS timeZone, COUNT(*) AS n FROM contacts c WHERE c.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM dash_contacts d WHERE d.contact_id = c.contact_id) GROUP BY c.time_zone ORDER BY n DESC',
  ).all(campaignId);
}
