import { z } from 'zod';

export const ContactView = z.object({
  id: z.string(),
  phone: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  zip: z.string().nullable(),
  timeZone: z.string().nullable(),
  externalId: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});
export type ContactView = z.infer<typeof ContactView>;

/** Query of a campaign's contacts page. `timeZone=none`: contacts without a known ZIP. */
export const ContactQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  timeZone: z.string().max(64).optional(),
  zip: z.string().regex(/^\d{5}$/, 'must be a 5-digit ZIP').optional(),
  field: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a custom field key').optional(),
  value: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ContactQuery = z.infer<typeof ContactQuery>;

export const ContactPage = z.object({ contacts: z.array(ContactView), total: z.number(), position: z.string() });
export type ContactPage = z.infer<typeof ContactPage>;

/** Totals for the contacts page: by time zone, and how many may get a first text right now. */
export const ContactSummary = z.object({
  total: z.number(),
  byTimeZone: z.array(z.object({ timeZone: z.string().nullable(), count: z.number(), openNow: z.boolean() })),
  openNow: z.number(),
  position: z.string(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

export const UploadCounts = z.object({ rows: z.number(), accepted: z.number(), invalid: z.number(), duplicate: z.number(), optedOut: z.number() });
export type UploadCounts = z.infer<typeof UploadCounts>;

/** `interrupted`: started but no longer being read here (a crash or a dropped connection): upload again or discard it. */
export const UploadView = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['started', 'completed', 'abandoned']),
  interrupted: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  received: z.number(),
  counts: UploadCounts.nullable(),
  reasons: z.record(z.string(), z.number()),
});
export type UploadView = z.infer<typeof UploadView>;

export const UploadList = z.object({ uploads: z.array(UploadView), position: z.string() });
export type UploadList = z.infer<typeof UploadList>;

export const OptOutView = z.object({ phone: z.string(), source: z.string(), optedOutAt: z.string() });
export type OptOutView = z.infer<typeof OptOutView>;

export const OptOutPage = z.object({ optOuts: z.array(OptOutView), total: z.number(), position: z.string() });
export type OptOutPage = z.infer<typeof OptOutPage>;

export const OptOutQuery = z.strictObject({
  search: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type OptOutQuery = z.infer<typeof OptOutQuery>;

/** A number added by hand, as people write it; the server normalises it to E.164 (US by default). */
export const AddOptOutRequest = z.strictObject({ phone: z.string().trim().min(3, 'is required').max(40, 'must be at most 40 characters') });
export type AddOptOutRequest = z.infer<typeof AddOptOutRequest>;

/** How a running upload is doing, pushed to the browsers following its campaign (`upload-progress`); not stored. */
export const UploadProgress = z.object({
  uploadId: z.string(),
  campaignId: z.string(),
  /** The Idempotency-Key the uploading browser sent (null without one): how that browser knows its own upload. */
  key: z.string().nullable().default(null),
  /** `reading`: bytes arriving and rows being checked; `storing`: the last contacts being recorded; `done`. */
  phase: z.enum(['reading', 'storing', 'done', 'failed']),
  bytesRead: z.number(),
  /** From Content-Length, when the browser sent it. */
  totalBytes: z.number().nullable(),
  rowsSeen: z.number(),
  accepted: z.number(),
  rejected: z.number(),
});
export type UploadProgress = z.infer<typeof UploadProgress>;

/** The answer to an upload: what happened to every row. */
export const UploadSummary = z.object({
  id: z.string(),
  position: z.string(),
  readable: z.boolean(),
  counts: UploadCounts,
  reasons: z.record(z.string(), z.number()),
});
export type UploadSummary = z.infer<typeof UploadSummary>;

/** Every column of the file: a contact field, a custom field (its merge-field key), or ignored. */
export const ColumnMappingSchema = z.strictObject({
  headers: z.array(z.string().max(500)).min(1).max(500),
  columns: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('field'), field: z.enum(['phone', 'firstName', 'lastName', 'zip', 'externalId']) }),
        z.strictObject({ kind: z.literal('custom'), key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be lower case letters, digits and _') }),
        z.strictObject({ kind: z.literal('ignore') }),
      ]),
    )
    .min(1)
    .max(500),
});
export type ColumnMappingSchema = z.infer<typeof ColumnMappingSchema>;
/** What the mapping screen starts from
: the file's first rows and a guess for every column. */
export const UploadPreview = z.object({
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.object({ line: z.number(), cells: z.array(z.string()) })),
  mapping: ColumnMappingSchema,
});
export type UploadPreview = z.infer<typeof UploadPreview>;


/** Pushed on `campaign:<id>` when an upload starts, completes or is abandoned (not per chunk): pages refresh their counts. */
export const ContactUploadChangedChange = z.object({
  kind: z.literal('contact-upload.changed'),
  topic: z.templateLiteral(['campaign:', z.uuid()]),
  position: z.string(),
  payload: z.object({ uploadId: z.string(), status: z.enum(['started', 'completed', 'abandoned']), counts: UploadCounts.nullable() }),
});
