import type { Change, SurveyView } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { defineProjector } from '../projector.js';

interface SurveyRow {
  campaign_id: string;
  version: number;
  questions: string;
  tag_ids: string;
  updated_at: string;
  revision: number;
  position: number;
}

const toView = (row: SurveyRow): SurveyView => ({
  campaignId: row.campaign_id,
  version: row.version,
  questions: JSON.parse(row.questions),
  tagIds: JSON.parse(row.tag_ids),
  updatedAt: row.updated_at,
  revision: row.revision,
});

const toChange = (row: SurveyRow): Change => ({
  kind: 'survey.upserted',
  topic: `campaign:${row.campaign_id}` as `campaign:${string}`,
  position: String(row.position),
  payload: toView(row),
});

const upserted = (db: Database.Database, campaignId: string): Change[] => {
  const row = cachedStatement<[string], SurveyRow>(db, 'SELECT * FROM campaign_surveys WHERE campaign_id = ?').get(campaignId);
  return row ? [toChange(row)] : [];
};

/** Inserts the campaign's row on its first event (tags or survey, whichever came first). */
const UPSERT = (column: 'tag_ids' | 'questions') => `
  INSERT INTO campaign_surveys (campaign_id, version, questions, tag_ids, updated_at, revision, position)
  VALUES (?, ?, ${column === 'questions' ? "?, '[]'" : "'[]', ?"}, ?, ?, ?)
  ON CONFLICT (campaign_id) DO UPDATE SET
    ${column === 'questions' ? 'version = excluded.version, questions = excluded.questions' : 'tag_ids = excluded.tag_ids'},
    updated_at = excluded.updated_at, revision = excluded.revision, position = excluded.position`;

/** The current version of each campaign's survey, with the tags it offers; older versions stay in the log. */
export const campaignSurveysProjector = defineProjector({
  name: 'campaign-surveys',
  version: 1,
  tables: ['campaign_surveys'],
  schema: `
    CREATE TABLE IF NOT EXISTS campaign_surveys (
      campaign_id TEXT PRIMARY KEY, version INTEGER NOT NULL, questions TEXT NOT NULL, tag_ids TEXT NOT NULL,
      updated_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL
    );`,
  handlers: {
    CampaignTagsChosen: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, UPSERT('tag_ids')).run(d.campaignId, 0, JSON.stringify(d.tagIds), d.chosenAt, event.revision, event.position.commit);
      return announce ? upserted(db, d.campaignId) : undefined;
    },
    SurveyVersionSaved: (event, db, announce) => {
      const d = event.data;
      cachedStatement(db, UPSERT('questions')).run(d.campaignId, d.version, JSON.stringify(d.questions), d.savedAt, event.revision, event.position.commit);
      return announce ? upserted(db, d.campaignId) : undefined;
    },
  },
});

/** A campaign's survey; before anything was saved, version 0 and revision -1 (the survey stream does not exist yet). */
export function findSurvey(db: Database.Database, campaignId: string): SurveyView {
  const row = cachedStatement<[string], SurveyRow>(db, 'SELECT * FROM campaign_surveys WHERE campaign_id = ?').get(campaignId);
  return row ? toView(row) : { campaignId, version: 0, questions: [], tagIds: [], updatedAt: null, revision: -1 };
}

/** For a reconnecting browser following one campaign. */
export function surveyChangeSince(db: Database.Database, campaignId: string, since: bigint): Change[] {
  return cachedStatement<[string, bigint], SurveyRow>(db, 'SELECT * FROM campaign_surveys WHERE campaign_id = ? AND position > ?').all(campaignId, since).map(toChange);
}
