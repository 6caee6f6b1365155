import type { Agent } from 'node:http';
import { join } from 'node:path';
import { startApiChild, type ApiChild } from './api-child.js';
import { setUpOrganization } from './api-session.js';
import { progress } from './progress.js';
import { launchTextingCampaign, TEXTING_HOURS, writeContactsCsv, zipsOpenFor } from './texting-campaign.js';
import { follow, joinTexters, type FollowingSocket, type Texter } from './texters.js';

/** The sandbox as for a texting night without replies: nothing fails, deliveries come back after a second. */
const SANDBOX = { SANDBOX_REPLY_RATE: '0', SANDBOX_FAILURE_RATE: '0', SANDBOX_DELIVERY_DELAY_MS: '1000' };

export interface TextingNightPlan {
  /** The bench's name, for its progress lines. */
  readonly bench: string;
  /** The bench's temp dir: the contact list and the API's data go here. */
  readonly dir: string;
  readonly contacts: number;
  /** How long the contacts' texting hours must stay open: the run's length, with room. */
  readonly openMinutes: number;
  readonly campaignName: string;
  readonly texters: number;
  readonly agent: Agent;
  /** Start the API under the sampling profiler's control (startProfile / stopProfile). */
  readonly profile: boolean;
}

export interface TextingNight {
  readonly api: ApiChild;
  readonly campaignId: string;
  readonly texters: readonly Texter[];
  /** Each texter's inbox, following `texter:<id>`, in the texters' order. */
  readonly inboxes: readonly FollowingSocket[];
  /** An admin following the campaigns and this one. */
  readonly admin: FollowingSocket;
  /** The API's databases, to read once it has stopped. */
  readonly eventsDb: string;
  readonly readModelsDb: string;
  /** Closes every socket and stops the API; again is a no-op. */
  close(): Promise<void>;
}

/**
 * A launched texting campaign in the built API (its own process, the sandbox
 * carrier): `contacts` in zones whose texting hours stay open for the run,
 * uploaded over HTTP; `texters` volunteers joined, each with their inbox's
 * socket open; an admin following the campaign.
 */
export async function openTextingNight(plan: TextingNightPlan): Promise<TextingNight> {
  const say = (message: string) => progress(`${plan.bench}: ${message}`);
  const open = await zipsOpenFor(plan.openMinutes, say);
  say(
    `writing ${plan.contacts.toLocaleString('en-US')} contacts in the zones where ${TEXTING_HOURS.start}-${TEXTING_HOURS.end} is open for the next ${plan.openMinutes} minutes ` +
      `(${open.zones.join(', ')}); starting the API in its own process`,
  );
  const csv = join(plan.dir, 'contacts.csv');
  const bytes = await writeContactsCsv(csv, plan.contacts, open.zips);
  const dataDir = join(plan.dir, 'data');
  const api = await startApiChild({ dataDir, env: SANDBOX, profile: plan.profile });
  const sockets: FollowingSocket[] = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const socket of sockets) socket.socket.disconnect();
    await api.stop();
  };
  try {
    const owner = await setUpOrganization(api.url, plan.agent);
    const uploadStartedAt = performance.now();
    const { campaignId, accepted } = await launchTextingCampaign(owner, plan.campaignName, csv, bytes);
    say(`${accepted} contacts (${(bytes / 1024 / 1024).toFixed(1)} MB) uploaded in ${((performance.now() - uploadStartedAt) / 1000).toFixed(1)} s; campaign launched`);
    if (accepted !== plan.contacts) throw new Error(`${accepted} of ${plan.contacts} contacts accepted`);

    const texters = await joinTexters(owner, plan.texters, plan.agent);
    const admin = await follow(owner, ['campaigns', `campaign:${campaignId}`]);
    sockets.push(admin);
    const inboxes: FollowingSocket[] = [];
    for (const texter of texters) {
      const inbox = await follow(texter.session, [`texter:${texter.id}`]);
      sockets.push(inbox);
      inboxes.push(inbox);
    }
    say(`${plan.texters} texters joined, each with their inbox's socket open; an admin follows the campaign`);
    return { api, campaignId, texters, inboxes, admin, eventsDb: join(dataDir, 'events.db'), readModelsDb: join(dataDir, 'read-models.db'), close };
  } catch (error) {
    await close();
    throw error;
  }
}
