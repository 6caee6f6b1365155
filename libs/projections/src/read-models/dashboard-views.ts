import type { CampaignDashboard, CampaignView, OrganizationOverview, VolunteerHome } from '@textbank/contracts';
import { CONTINENTAL_US_ZONES, isTextingWindowOpen, localMinutes } from '@textbank/domain';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../cached-statement.js';
import { findCampaign, listCampaigns } from './campaigns.js';
import { contactCount } from './contacts.js';
import { findPerson } from './people.js';
import { campaignAnswersAndTags, campaignCounters, campaignErrors, campaignMinutes, campaignTexters, organizationQueues, texterDay, untextedByTimeZone } from './dashboard.js';

/**
 * The dashboards as the screens show them, assembled from the dashboard read
 * model and its neighbours. The clock and who is online are given as data:
 * the same log position and `now` always give the same view.
 */
export interface DashboardClock {
  readonly now: Date;
  /** The log position the read models have reached (the runner's checkpoint). */
  readonly position: bigint;
}

/** Replies unanswered for longer than this need an admin. */
export const STALE_REPLY_MINUTES = 30;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the window closes in a zone where it is open now (null zone: when the first continental zone closes). */
export function closingTime(timeZone: string | null, hours: CampaignView['textingHours'], now: Date): Date {
  const zones = timeZone === null ? CONTINENTAL_US_ZONES : [timeZone];
  const left = Math.min(...zones.map((zone) => minutesOf(hours.end) - localMinutes(zone, now)));
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(minute + left * 60_000);
}


export function campaignDashboard(db: Database.Database, campaignId: string, clock: DashboardClock & { hours: number; online: ReadonlySet<string> }): CampaignDashboard | undefined {
  const campaign = findCampaign(db, campaignId);
  if (!campaign) return undefined;
  const contacts = contactCount(db, campaignId);
  const { counters, messages, rates } = campaignCounters(db, campaignId);
  const openNow = untextedByTimeZone(db, campaignId)
    .filter((zone) => isTextingWindowOpen(zone.timeZone, campaign.textingHours, clock.now))
    .map((zone) => ({ timeZone: zone.timeZone, needsFirstText: zone.n, closesAt: closingTime(zone.timeZone, campaign.textingHours, clock.now).toISOString() }));
  return {
    campaignId,
    at: clock.now.toISOString(),
    position: clock.position.toString(),
    counters: { contacts, needsFirstText: Math.max(0, contacts - counters.texted), ...counters },
    messages,
    rates,
    minutes: campaignMinutes(db, campaignId, clock.now, clock.hours),
    openNow,
    ...campaignAnswersAndTags(db, campaignId),
    ...campaignErrors(db, campaignId, clock.now),
    texters: campaignTexters(db, campaignId).map((row) => ({ ...row, name: findPerson(db, row.texterId)?.name ?? null, online: clock.online.has(row.texterId) })),
  };
}

export function organizationOverview(db: Database.Database, clock: DashboardClock & { volunteersOnline: number }): OrganizationOverview {
  const campaigns = listCampaigns(db)
    .filter((c) => c.status === 'active' || c.status === 'paused')
    .map((c) => {
      const { counters, rates } = campaignCounters(db, c.id);
      return {
        campaignId: c.id,
        name: c.name,
        status: c.status,
        contacts: contactCount(db, c.id),
        texted: counters.texted,
        deliveryRate: rates.delivery,
        replyRate: rates.reply,
        alarm: campaignErrors(db, c.id, clock.now).alarm.on,
      };
    });
  return {
    at: clock.now.toISOString(),
    position: clock.position.toString(),
    campaigns,
    volunteersOnline: clock.volunteersOnline,
    ...organizationQueues(db, clock.now, STALE_REPLY_MINUTES),
  };
}

/** `since`: the start of the volunteer's day, as their browser reckons it. */
export function volunteerHome(db: Database.Database, texterId: string, clock: DashboardClock & { since: string }): VolunteerHome {
  const loads = cachedStatement<[string], { campaignId: string; name: string; status: string; n: number }>(
    db,
    `SELECT v.campaign_id AS campaignId, c.name AS name, v.status AS status, COUNT(*) AS n FROM conversations v JOIN campaigns c ON c.id = v.campaign_id
     WHERE v.texter_id = ? GROUP BY v.campaign_id, v.status ORDER BY c.name`,
  ).all(texterId);
  const { waiting, today } = texterDay(db, texterId, clock.since);
  const campaigns = new Map<string, VolunteerHome['campaigns'][number]>();
  for (const row of loads) {
    const entry = campaigns.get(row.campaignId) ?? { campaignId: row.campaignId, name: row.name, needsFirstText: 0, needsReply: 0, waiting: 0, oldestUnansweredAt: null };
    if (row.status === 'needs_first_text') entry.needsFirstText = row.n;
    if (row.status === 'needs_reply') entry.needsReply = row.n;
    if (row.status === 'waiting') entry.waiting = row.n;
    campaigns.set(row.campaignId, entry);
  }
  for (const w of waiting) {
    const entry = campaigns.get(w.campaignId);
    if (entry) entry.oldestUnansweredAt = w.oldest;
  }
  return {
    at: clock.now.toISOString(),
    position: clock.position.toString(),
    campaigns: [...campaigns.values()],
    repliesWaiting: waiting.reduce((sum, w) => sum + w.n, 0),
    today,
  };
}
