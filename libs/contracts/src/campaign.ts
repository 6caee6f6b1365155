import { z } from 'zod';
import { Actor, humanText } from './fields.js';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const Clock = z.string().regex(CLOCK, 'must be HH:MM (24-hour)');

/** When initial texts may be sent, in the contact's local time. */
export const TextingHours = z
  .strictObject({ start: Clock, end: Clock })
  .refine((h) => !CLOCK.test(h.start) || !CLOCK.test(h.end) || h.start < h.end, { message: 'start must be before end', path: ['end'] });
export type TextingHours = z.infer<typeof TextingHours>;

export const DEFAULT_TEXTING_HOURS: TextingHours = { start: '09:00', end: '21:00' };

const CampaignName = humanText({ max: 100 });
const Description = humanText({ max: 2000, min: 0, multiline: true });

export const CreateCampaignRequest = z.strictObject({
  name: CampaignName,
  description: Description.default(''),
  textingHours: TextingHours.default(DEFAULT_TEXTING_HOURS),
});
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;

/** Edits a draft campaign's details; expectedRevision is the revision the editor loaded. */
export const UpdateCampaignRequest = z
  .strictObject({
    expectedRevision: z.number().int().min(0),
    name: CampaignName.optional(),
    description: Description.optional(),
    textingHours: TextingHours.optional(),
  })
  .refine((r) => r.name !== undefined || r.description !== undefined || r.textingHours !== undefined, {
    message: 'name, description or textingHours must be given',
  });
export type UpdateCampaignRequest = z.infer<typeof UpdateCampaignRequest>;

export const CampaignStatus = z.enum(['draft', 'active', 'paused', 'archived']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const CampaignView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  textingHours: TextingHours,
  status: CampaignStatus,
  createdAt: z.string(),
  createdBy: Actor,
  updatedAt: z.string(),
  /** Stream revision, to send back as expectedRevision when editing. */
  revision: z.number(),
});
export type CampaignView = z.infer<typeof CampaignView>;

export const CampaignList = z.object({ campaigns: z.array(CampaignView), position: z.string() });
export type CampaignList = z.infer<typeof CampaignList>;

/** One campaign, with the read models' position: sync 'campaign:<id>' from it to follow the campaign live. */
export const CampaignPage = CampaignView.extend({ position: z.string() });
export type CampaignPage = z.infer<typeof CampaignPage>;
