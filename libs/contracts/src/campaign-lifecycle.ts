import { z } from 'zod';
import { CampaignStatus } from './campaign.js';
import { ApiError } from './command-result.js';

/** Launch, pause, resume, archive: `expectedRevision` (the campaign's) is optional: these are buttons, not editors. */
export const CampaignLifecycleRequest = z.strictObject({ expectedRevision: z.number().int().min(0).optional() });
export type CampaignLifecycleRequest = z.infer<typeof CampaignLifecycleRequest>;

export const ChecklistItem = z.object({
  item: z.enum(['contacts', 'initialScript', 'mergeFields', 'textingHours']),
  ready: z.boolean(),
  message: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** What launching needs, item by item. A refused launch or resume answers 409 with this under `checklist`. */
export const LaunchChecklist = z.object({ campaignId: z.string(), status: CampaignStatus, ready: z.boolean(), items: z.array(ChecklistItem) });
export type LaunchChecklist = z.infer<typeof LaunchChecklist>;

/** The 409 a launch or resume answers when the checklist is not ready: the usual error, with the checklist. */
export const LaunchRefused = ApiError.extend({ checklist: LaunchChecklist });
export type LaunchRefused = z.infer<typeof LaunchRefused>;
