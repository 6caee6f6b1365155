import type { CampaignFormValues } from './campaign-form-values';

/** An edit in progress: what was typed, and the revision it started from. */
export interface CampaignDraft {
  values: CampaignFormValues;
  baseRevision: number;
  /** The version the edit started from, to tell which fields someone else changed meanwhile. */
  base: CampaignFormValues;
}

export const editDraftKey = (id: string) => `campaign:${id}`;
export const NEW_CAMPAIGN_DRAFT = 'new-campaign';

const FIELDS = ['name', 'description', 'start', 'end'] as const;
export type CampaignField = (typeof FIELDS)[number];

export const FIELD_WORDS: Record<CampaignField, string> = { name: 'name', description: 'description', start: 'texting hours start', end: 'texting hours end' };

export function readFormValues(raw: unknown): CampaignFormValues | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  return FIELDS.every((field) => typeof record[field] === 'string')
    ? { name: record.name as string, description: record.description as string, start: record.start as string, end: record.end as string }
    : null;
}

export function readCampaignDraft(raw: unknown): CampaignDraft | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const values = readFormValues(record.values);
  const base = readFormValues(record.base);
  return values && base && typeof record.baseRevision === 'number' ? { values, base, baseRevision: record.baseRevision } : null;
}

/** Fields whose values differ between two versions of the form. */
export function changedFields(a: CampaignFormValues, b: CampaignFormValues): CampaignField[] {
  return FIELDS.filter((field) => a[field].trim() !== b[field].trim());
}

/**
 * Carries an edit over to a newer version someone else saved: the fields this
 * editor changed keep what they typed; the others take the newer values, so
 * saving does not quietly undo the other person's change.
 */
export function rebaseValues(oldBase: CampaignFormValues, newer: CampaignFormValues, mine: CampaignFormValues): CampaignFormValues {
  const edited = new Set(changedFields(oldBase, mine));
  const merged = { ...newer };
  for (const field of edited) merged[field] = mine[field];
  return merged;
}

/** Fields both editors changed, to different values: what the person has to decide about. */
export function clashingFields(oldBase: CampaignFormValues, newer: CampaignFormValues, mine: CampaignFormValues): CampaignField[] {
  const theirs = new Set(changedFields(oldBase, newer));
  return changedFields(oldBase, mine).filter((field) => theirs.has(field) && newer[field].trim() !== mine[field].trim());
}
