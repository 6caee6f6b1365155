import { z } from 'zod';
import { Actor, humanText } from './fields.js';

/** Twilio refuses bodies over 1,600 characters; the 10-segment rule (checked at save) is stricter still. */
const TextBody = humanText({ max: 1600, multiline: true });
const CampaignTopic = z.templateLiteral(['campaign:', z.uuid()]);

/** A variant keeps its id across versions; leave it out for a new one. */
export const ScriptVariantInput = z.strictObject({ variantId: z.uuid().optional(), body: TextBody });

/**
 * Saves the initial script's variants as its next version. `expectedRevision`:
 * the script's revision the editor loaded (-1 when it had none); a stale one is a 409.
 */
export const ReviseScriptRequest = z.strictObject({
  expectedRevision: z.number().int().min(-1),
  variants: z.array(ScriptVariantInput).min(1, 'must have at least 1 variant').max(5, 'must have at most 5 variants'),
});
export type ReviseScriptRequest = z.infer<typeof ReviseScriptRequest>;

export const ScriptVariant = z.object({ variantId: z.string(), body: z.string() });
export type ScriptVariant = z.infer<typeof ScriptVariant>;

/** The current version of a campaign's initial script; version 0 (no variants, revision -1) before the first save. */
export const ScriptView = z.object({
  campaignId: z.string(),
  version: z.number(),
  variants: z.array(ScriptVariant),
  revisedAt: z.string().nullable(),
  revisedBy: Actor.nullable(),
  /** Stream revision, to send back as expectedRevision. */
  revision: z.number(),
});
export type ScriptView = z.infer<typeof ScriptView>;

/** With the merge fields the campaign allows (built-ins, then its custom fields) and the read models' position for following it live. */
export const ScriptPage = ScriptView.extend({ allowedMergeFields: z.array(z.string()), position: z.string() });
export type ScriptPage = z.infer<typeof ScriptPage>;

const SampleValue = z.string().max(500, 'must be at most 500 characters');
export const SampleContact = z.strictObject({
  firstName: SampleValue.default(''),
  lastName: SampleValue.default(''),
  customFields: z.record(z.string().max(100), SampleValue).default({}),
});
export type SampleContact = z.infer<typeof SampleContact>;

/** Renders the current script for these contacts (defaults: one with every field filled, one with every field empty). */
export const ScriptPreviewRequest = z.strictObject({
  contacts: z.array(SampleContact).min(1).max(10).optional(),
  /** Default: the first name of whoever asks. */
  texterFirstName: SampleValue.optional(),
});
export type ScriptPreviewRequest = z.infer<typeof ScriptPreviewRequest>;

export const TextMeasure = z.object({
  encoding: z.enum(['GSM-7', 'UCS-2']),
  characters: z.number(),
  segments: z.number(),
  charactersPerSegment: z.number(),
  ucs2Characters: z.array(z.object({ character: z.string(), start: z.number(), end: z.number() })),
});
export type TextMeasure = z.infer<typeof TextMeasure>;

export const ScriptPreview = z.object({
  version: z.number(),
  previews: z.array(
    z.object({
      variantId: z.string(),
      contact: SampleContact,
      text: z.string(),
      /** Fields that rendered as nothing for this contact. */
      emptyFields: z.array(z.string()),
      measure: TextMeasure,
    }),
  ),
});
export type ScriptPreview = z.infer<typeof ScriptPreview>;

const ResponseTitle = humanText({ max: 80 });

export const CreateCannedResponseRequest = z.strictObject({ title: ResponseTitle, body: TextBody });
export type CreateCannedResponseRequest = z.infer<typeof CreateCannedResponseRequest>;

/** `expectedVersion`: the response's version the editor loaded; a stale one is a 409. */
export const EditCannedResponseRequest = z
  .strictObject({ expectedVersion: z.number().int().min(1), title: ResponseTitle.optional(), body: TextBody.optional() })
  .refine((r) => r.title !== undefined || r.body !== undefined, { message: 'title or body must be given' });
export type EditCannedResponseRequest = z.infer<typeof EditCannedResponseRequest>;

/** Every response of the campaign, once each, in the new order. */
export const ReorderCannedResponsesRequest = z.strictObject({ order: z.array(z.uuid()).max(100) });
export type ReorderCannedResponsesRequest = z.infer<typeof ReorderCannedResponsesRequest>;

export const CannedResponseView = z.object({
  responseId: z.string(),
  campaignId: z.string(),
  title: z.string(),
  body: z.string(),
  version: z.number(),
  /** Place in the list, from 0. */
  rank: z.number(),
  updatedAt: z.string(),
  updatedBy: Actor,
});
export type CannedResponseView = z.infer<typeof CannedResponseView>;

export const CannedResponseList = z.object({ responses: z.array(CannedResponseView), position: z.string() });
export type CannedResponseList = z.infer<typeof CannedResponseList>;

/** Live changes on 'campaign:<id>'; a responses change carries the whole list in order (a campaign has at most 100). */
export const ScriptRevisedChange = z.object({ kind: z.literal('script.revised'), topic: CampaignTopic, position: z.string(), payload: ScriptView });
export const CannedResponsesChangedChange = z.object({
  kind: z.literal('canned-responses.changed'),
  topic: CampaignTopic,
  position: z.string(),
  payload: z.object({ campaignId: z.string(), responses: z.array(CannedResponseView) }),
});
