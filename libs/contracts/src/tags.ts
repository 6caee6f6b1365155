import { z } from 'zod';
import { humanText } from './fields.js';

/**
 * The colours a tag may have, each with white text on it at a contrast of at
 * least 4.5:1 (WCAG AA for normal text; tags.unit.spec.ts checks it). A fixed
 * palette, so no tag is ever unreadable and the web draws them the same everywhere.
 */
export const TAG_PALETTE = {
  red: '#B91C1C',
  orange: '#C2410C',
  amber: '#A16207',
  green: '#15803D',
  teal: '#0F766E',
  blue: '#1D4ED8',
  indigo: '#4338CA',
  purple: '#7E22CE',
  pink: '#BE185D',
  grey: '#4B5563',
} as const;
export const TagColour = z.enum(Object.keys(TAG_PALETTE) as [keyof typeof TAG_PALETTE, ...(keyof typeof TAG_PALETTE)[]], {
  message: `must be one of ${Object.keys(TAG_PALETTE).join(', ')}`,
});
export type TagColour = z.infer<typeof TagColour>;

const TagName = humanText({ max: 50 });
/** A heading tags are listed under ("Outcome", "Volunteer interest"). */
const TagGroup = humanText({ max: 50 });

export const CreateTagRequest = z.strictObject({ name: TagName, colour: TagColour, group: TagGroup.optional() });
export type CreateTagRequest = z.infer<typeof CreateTagRequest>;

/** `expectedRevision`: the tag's own revision the editor loaded (edits to other tags never make it stale); `group: null` ungroups. */
export const ChangeTagRequest = z
  .strictObject({ expectedRevision: z.number().int().min(0), name: TagName.optional(), colour: TagColour.optional(), group: TagGroup.nullable().optional() })
  .refine((r) => r.name !== undefined || r.colour !== undefined || r.group !== undefined, { message: 'name, colour or group must be given' });
export type ChangeTagRequest = z.infer<typeof ChangeTagRequest>;

export const ArchiveTagRequest = z.strictObject({ expectedRevision: z.number().int().min(0).optional() });
export type ArchiveTagRequest = z.infer<typeof ArchiveTagRequest>;

export const TagView = z.object({
  id: z.string(),
  name: z.string(),
  colour: TagColour,
  group: z.string().nullable(),
  /** Archived tags are kept (conversations point at them) but no longer offered. */
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The tag's own revision, to send back as expectedRevision. */
  revision: z.number(),
});
export type TagView = z.infer<typeof TagView>;

/** Every tag, archived ones too; with the read models' position to follow 'tags' live from. */
export const TagList = z.object({ tags: z.array(TagView), position: z.string() });
export type TagList = z.infer<typeof TagList>;

/**
 * The tags a campaign offers its texters, in order. `revision`: of the
 * campaign's survey stream, shared with the survey (a survey answer may apply
 * only a chosen tag, so the two are decided together); -1 before anything was saved.
 */
export const CampaignTags = z.object({ campaignId: z.string(), tagIds: z.array(z.string()), tags: z.array(TagView), revision: z.number(), position: z.string() });
export type CampaignTags = z.infer<typeof CampaignTags>;

export const ChooseCampaignTagsRequest = z.strictObject({
  expectedRevision: z.number().int().min(-1),
  tagIds: z
    .array(z.uuid('must be a tag id'))
    .max(100, 'must be at most 100 tags')
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a tag twice'),
});
export type ChooseCampaignTagsRequest = z.infer<typeof ChooseCampaignTagsRequest>;

/** Live, to followers of 'tags': a tag as it is now. */
export const TagUpsertedChange = z.object({ kind: z.literal('tag.upserted'), topic: z.literal('tags'), position: z.string(), payload: TagView });
