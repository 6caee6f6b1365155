import { z } from 'zod';

const Rate = z.number().min(0).max(1).nullable();

/** One minute of a campaign's traffic (`minute`: "2026-11-28T12:03", UTC). */
export const MinuteBucket = z.object({ minute: z.string(), sent: z.number(), delivered: z.number(), replies: z.number(), failed: z.number() });
export type MinuteBucket = z.infer<typeof MinuteBucket>;

/** One texter's row on a campaign's volunteers table. */
export const TexterRow = z.object({
  texterId: z.string(),
  name: z.string().nullable(),
  sent: z.number(),
  repliesWaiting: z.number(),
  oldestUnansweredAt: z.string().nullable(),
  lastActiveAt: z.string(),
  online: z.boolean(),
});
export type TexterRow = z.infer<typeof TexterRow>;

/** The failure rate of the last minutes against the campaign's own before it: carrier filtering shows as a jump. */
/** On when failures jump against the hour before, or while a carrier alarm (filtered texts 30007, unregistered sender 30034) stands. */
export const FailureAlarm = z.object({
  on: z.boolean(),
  /** The failure rate of the last minutes jumped against the hour before. */
  jumped: z.boolean(),
  recentRate: Rate,
  baselineRate: Rate,
  topCode: z.string().nullable(),
  carrier: z.array(z.object({ alarm: z.enum(['carrier_filtered', 'unregistered_10dlc']), errorCode: z.string(), raisedAt: z.string() })),
});
export type FailureAlarm = z.infer<typeof FailureAlarm>;

export const CampaignDashboard = z.object({
  campaignId: z.string(),
  /** The clock the numbers were read at, and the log position they include. */
  at: z.string(),
  position: z.string(),
  counters: z.object({ contacts: z.number(), needsFirstText: z.number(), texted: z.number(), replied: z.number(), optedOut: z.number(), unreachable: z.number(), failed: z.number() }),
  messages: z.object({ sent: z.number(), delivered: z.number(), queued: z.number(), outcomeUnknown: z.number() }),
  /** delivered / sent messages; contacts who replied / contacts texted. Null before there is anything to divide. */
  rates: z.object({ delivery: Rate, reply: Rate }),
  minutes: z.array(MinuteBucket),
  /** Time zones whose texting window is open now, with how many contacts there still need a first text. */
  openNow: z.array(z.object({ timeZone: z.string().nullable(), needsFirstText: z.number(), closesAt: z.string() })),
  answers: z.array(z.object({ questionId: z.string(), answerId: z.string(), count: z.number() })),
  tags: z.array(z.object({ tagId: z.string(), count: z.number() })),
  errors: z.array(z.object({ code: z.string(), count: z.number(), recent: z.number() })),
  alarm: FailureAlarm,
  texters: z.array(TexterRow),
});
export type CampaignDashboard = z.infer<typeof CampaignDashboard>;

export const OverviewRow = z.object({
  campaignId: z.string(),
  name: z.string(),
  status: z.string(),
  contacts: z.number(),
  texted: z.number(),
  deliveryRate: Rate,
  replyRate: Rate,
  alarm: z.boolean(),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

/** The organization at a glance: active campaigns, who is online, and what needs an admin. */
export const OrganizationOverview = z.object({
  at: z.string(),
  position: z.string(),
  campaigns: z.array(OverviewRow),
  volunteersOnline: z.number(),
  /** Texts recorded but not yet handed to the provider. */
  pacingQueue: z.number(),
  needsAdmin: z.object({ outcomeUnknown: z.number(), staleReplies: z.number() }),
});
export type OrganizationOverview = z.infer<typeof OrganizationOverview>;

/** A volunteer's own home: where they text, what waits for them, and their day. */
export const VolunteerHome = z.object({
  at: z.string(),
  position: z.string(),
  campaigns: z.array(z.object({ campaignId: z.string(), name: z.string(), needsFirstText: z.number(), needsReply: z.number(), waiting: z.number(), oldestUnansweredAt: z.string().nullable() })),
  repliesWaiting: z.number(),
  today: z.object({ firstTexts: z.number(), replies: z.number(), since: z.string() }),
});
export type VolunteerHome = z.infer<typeof VolunteerHome>;

/** `dashboard` (server → client): the whole view of one dashboard topic, pushed at most a few times a second; never replayed, the newest replaces it. */
export const DashboardPush = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('campaign'), topic: z.string(), view: CampaignDashboard }),
  z.object({ kind: z.literal('overview'), topic: z.literal('overview'), view: OrganizationOverview }),
  z.object({ kind: z.literal('home'), topic: z.string(), view: VolunteerHome }),
]);
export type DashboardPush = z.infer<typeof DashboardPush>;

/** What a dashboard screen follows: one campaign's dashboard, the organization's overview, or a volunteer's own home. */
export const DashboardTopic = z.union([z.templateLiteral(['dashboard:', z.uuid()]), z.literal('overview'), z.templateLiteral(['home:', z.uuid()])]);
export type DashboardTopic = z.infer<typeof DashboardTopic>;

/** Client → server (`dashboard:follow`) on every (re)connect; the ack carries each view as it is now, pushes follow. */
export const DashboardFollow = z.strictObject({
  topics: z.array(DashboardTopic).min(1).max(5),
  /** The start of the volunteer's day as their browser reckons it (home only); default: UTC midnight. */
  since: z.iso.datetime().optional(),
});
export type DashboardFollow = z.infer<typeof DashboardFollow>;
export type DashboardFollowReply = { ok: true; views: DashboardPush[] } | { ok: false; error: string };

/** How many hours of per-minute traffic a campaign dashboard shows (query `hours`, 1-24, default 3). */
export const DashboardQuery = z.strictObject({ hours: z.coerce.number().int().min(1).max(24).default(3) });
export type DashboardQuery = z.infer<typeof DashboardQuery>;
export const HomeQuery = z.strictObject({ since: z.iso.datetime().optional() });
export type HomeQuery = z.infer<typeof HomeQuery>;

export const DASHBOARD_EVENTS = { follow: 'dashboard:follow', unfollow: 'dashboard:unfollow', push: 'dashboard' } as const;
