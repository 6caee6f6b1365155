import { isTextingWindowOpen } from '@textbank/domain';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { postFile } from '../import/upload-over-http.js';
import { UnexpectedResponseError, type ApiSession } from './api-session.js';
import { sendJson } from './http-json.js';

/**
 * The widest hours a campaign may launch with (the launch checklist refuses
 * anything beyond 08:00-21:00 local, so an all-day window is not possible):
 * the bench puts its contacts in zones where these are open for the whole run.
 */
export const TEXTING_HOURS = { start: '08:00', end: '21:00' } as const;

/** A ZIP in each US zone the ZIP table knows, from Puerto Rico to Guam: between them 08:00-21:00 is open somewhere 23 hours a day. */
const ZONE_ZIPS: ReadonlyArray<{ readonly zone: string; readonly zip: string }> = [
  { zone: 'America/Puerto_Rico', zip: '00601' },
  { zone: 'America/New_York', zip: '10001' },
  { zone: 'America/Chicago', zip: '60601' },
  { zone: 'America/Denver', zip: '80202' },
  { zone: 'America/Phoenix', zip: '85001' },
  { zone: 'America/Los_Angeles', zip: '94110' },
  { zone: 'America/Anchorage', zip: '99501' },
  { zone: 'America/Adak', zip: '99546' },
  { zone: 'Pacific/Honolulu', zip: '96813' },
  { zone: 'Pacific/Pago_Pago', zip: '96799' },
  { zone: 'Pacific/Guam', zip: '96910' },
];
const MINUTE_MS = 60_000;
/** Longest the bench waits for a zone to open (11:00-12:00 UTC no US zone is within 08:00-21:00). */
const MAX_WAIT_MINUTES = 20;

/** The zones (and a ZIP in each) whose texting hours are open from now for `minutes`. */
export function zonesOpenFor(minutes: number, now = new Date()): Array<{ zone: string; zip: string }> {
  const until = new Date(now.getTime() + minutes * MINUTE_MS);
  return ZONE_ZIPS.filter(({ zone }) => isTextingWindowOpen(zone, TEXTING_HOURS, now) && isTextingWindowOpen(zone, TEXTING_HOURS, until));
}

/**
 * ZIPs for the bench's contacts: in every zone where 08:00-21:00 stays open
 * for the next `minutes`, so no send is refused for the hour, whatever the
 * wall clock says. Waits (up to 20 minutes) for one to open when none is.
 */
export async function zipsOpenFor(minutes: number, say: (message: string) => void): Promise<{ zips: string[]; zones: string[] }> {
  for (let waited = 0; ; waited++) {
    const open = zonesOpenFor(minutes);
    if (open.length > 0) return { zips: open.map((z) => z.zip), zones: open.map((z) => z.zone) };
    if (waited >= MAX_WAIT_MINUTES) throw new Error(`no US zone has ${TEXTING_HOURS.start}-${TEXTING_HOURS.end} open for the next ${minutes} minutes; run again after 12:00 UTC`);
    if (waited === 0) say(`no US zone has texting hours open for the next ${minutes} minutes (11:00-12:00 UTC none does): waiting up to ${MAX_WAIT_MINUTES} minutes`);
    await sleep(MINUTE_MS);
  }
}

const AREA_CODES = [212, 312, 303, 415, 602, 713, 305, 404, 617, 206, 214, 702, 718, 773, 720];
const SCRIPT = 'Hi {firstName}, this is {texterFirstName} with Riverside Tenants. Can we count on you Tuesday at the rent board?';

/** A distinct, valid US mobile-looking number for each n below 105 million. */
export function phoneOf(n: number): string {
  const area = AREA_CODES[n % AREA_CODES.length]!;
  const rest = Math.floor(n / AREA_CODES.length);
  const exchange = 201 + (Math.floor(rest / 10_000) % 700);
  return `+1${area}${exchange}${String(rest % 10_000).padStart(4, '0')}`;
}

/** A clean contact list (every row valid), spread evenly over the ZIPs given; its size in bytes. */
export async function writeContactsCsv(path: string, rows: number, zips: readonly string[]): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = 'phone,first name,last name,zip\r\n';
  for (let n = 0; n < rows; n++) {
    chunk += `${phoneOf(n)},First${n},Last${n % 977},${zips[n % zips.length]}\r\n`;
    if (chunk.length > 64 * 1024 || n === rows - 1) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

/**
 * A campaign as an owner sets one up for texting: created with the widest
 * hours allowed, its contacts uploaded over HTTP (preview, then the file), a
 * one-variant script, launched. Returns its id and the accepted count.
 */
export async function launchTextingCampaign(owner: ApiSession, name: string, csvPath: string, bytes: number): Promise<{ campaignId: string; accepted: number }> {
  const post = (path: string, body: unknown) => sendJson(owner.agent, { method: 'POST', url: `${owner.url}${path}`, body, cookie: owner.cookie });
  const created = await post('/api/campaigns', { name, textingHours: TEXTING_HOURS });
  const campaignId = (created.body as { id?: unknown } | undefined)?.id;
  if (created.status !== 201 || typeof campaignId !== 'string') throw new UnexpectedResponseError('POST /api/campaigns', created);

  const preview = await postFile(owner.agent, owner, csvPath, `/api/campaigns/${campaignId}/uploads/preview`, {}, Math.min(bytes, 64 * 1024));
  if (preview.status !== 201) throw new UnexpectedResponseError('upload preview', { ...preview, setCookie: [] });
  const mapping = (preview.body as { mapping: unknown }).mapping;
  const upload = await postFile(owner.agent, owner, csvPath, `/api/campaigns/${campaignId}/uploads?fileName=contacts.csv`, {
    'textbank-mapping': encodeURIComponent(JSON.stringify(mapping)),
    'content-length': String(bytes),
  });
  if (upload.status !== 201) throw new UnexpectedResponseError('upload', { ...upload, setCookie: [] });
  const accepted = (upload.body as { counts: { accepted: number } }).counts.accepted;

  const script = await sendJson(owner.agent, {
    method: 'PUT',
    url: `${owner.url}/api/campaigns/${campaignId}/script`,
    body: { expectedRevision: -1, variants: [{ body: SCRIPT }] },
    cookie: owner.cookie,
  });
  if (script.status !== 200) throw new UnexpectedResponseError('PUT script', script);
  const launch = await post(`/api/campaigns/${campaignId}/launch`, {});
  if (launch.status !== 200) throw new UnexpectedResponseError('launch', launch);
  return { campaignId, accepted };
}
