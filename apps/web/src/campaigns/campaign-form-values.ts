import { DEFAULT_TEXTING_HOURS, type CampaignView, type UpdateCampaignRequest } from '@textbank/contracts';

/** What the campaign form edits: flat strings, as the inputs hold them. */
export interface CampaignFormValues {
  name: string;
  description: string;
  start: string;
  end: string;
}

/** Field paths as the API names them in 400 issues, in the form's order. */
export const CAMPAIGN_FIELD_PATHS = ['name', 'description', 'textingHours.start', 'textingHours.end'] as const;

export function blankCampaignValues(): CampaignFormValues {
  return { name: '', description: '', start: DEFAULT_TEXTING_HOURS.start, end: DEFAULT_TEXTING_HOURS.end };
}

export function campaignValuesOf(campaign: CampaignView): CampaignFormValues {
  return { name: campaign.name, description: campaign.description, ...campaign.textingHours };
}

/** Unvalidated on purpose: CreateCampaignRequest checks it before sending. */
export function createRequestFrom(values: CampaignFormValues) {
  return { name: values.name, description: values.description, textingHours: { start: values.start, end: values.end } };
}

/**
 * Sends only what the editor changed, so saving an untouched field does not
 * record a change nobody made. Null when nothing changed.
 */
export function updateRequestFrom(
  original: CampaignView,
  values: CampaignFormValues,
  expectedRevision: number,
): UpdateCampaignRequest | null {
  return updateRequestAgainst(campaignValuesOf(original), values, expectedRevision);
}

/** The same, against the form values the edit started from. */
export function updateRequestAgainst(
  base: CampaignFormValues,
  values: CampaignFormValues,
  expectedRevision: number,
): UpdateCampaignRequest | null {
  const request: UpdateCampaignRequest = { expectedRevision };
  if (values.name.trim() !== base.name.trim()) request.name = values.name;
  if (values.description.trim() !== base.description.trim()) request.description = values.description;
  if (values.start !== base.start || values.end !== base.end) {
    request.textingHours = { start: values.start, end: values.end };
  }
  return Object.keys(request).length > 1 ? request : null;
}
