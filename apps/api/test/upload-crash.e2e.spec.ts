import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi, type ApiProcess } from './api-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'textbank-upload-crash-'));
const owner = { organizationName: 'Upload Crash Org', name: 'Ada', email: 'ada@example.org', password: 'correct horse battery' };
const ROWS = 200_000;
const AREA_CODES = [212, 310, 415, 602, 713, 305, 404, 617, 206, 303];
let api: ApiProcess | undefined;
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Row n of a 200k-row voter file: every number distinct and valid. */
function row(n: number): string {
  const area = AREA_CODES[n % AREA_CODES.length]!;
  const exchange = 201 + Math.floor(n / AREA_CODES.length / 10_000);
  const line = Math.floor(n / AREA_CODES.length) % 10_000;
  return `(${area}) ${exchange}-${String(line).padStart(4, '0')},Voter${n},Person,10001\r\n`;
}

/** The file in 2,000-row pieces; `pause` slows the sender down so the process can be killed half-way. */
function csvBody(pause: () => Promise<void>): ReadableStream<Uint8Array> {
  let n = 0;
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      if (n === 0) controller.enqueue(encoder.encode('phone,first,last,zip\r\n'));
      if (n >= ROWS) return controller.close();
      let text = '';
      for (const end = Math.min(n + 2_000, ROWS); n < end; n++) text += row(n);
      controller.enqueue(encoder.encode(text));
      await pause();
    },
  });
}

const MAPPING = encodeURIComponent(
  JSON.stringify({ headers: ['phone', 'first', 'last', 'zip'], columns: [{ kind: 'field', field: 'phone' }, { kind: 'field', field: 'firstName' }, { kind: 'field', field: 'lastName' }, { kind: 'field', field: 'zip' }] }),
);

async function json(url: string, cookie: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a SIGKILL in the middle of a 200,000-row upload', () => {
  it('shows none of its contacts after the restart; discarding it is clean, and uploading again completes with the right counts', async () => {
    api = await startApi(dataDir);
    const setup = await fetch(`${api.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const campaign = await json(`${api.url}/api/campaigns`, cookie, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Big list' }) });
    const campaignId = campaign.body['id'] as string;
    const uploads = `${api.url}/api/campaigns/${campaignId}/uploads`;

    // Upload slowly; kill -9 once the log holds at least 20,000 of its contacts.
    const target = api;
    const sending = fetch(`${uploads}?fileName=big.csv`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv', 'textbank-mapping': MAPPING },
      body: csvBody(() => new Promise((resolve) => setTimeout(resolve, 40))),
      duplex: 'half',
    } as RequestInit).catch(() => undefined);
    await expect
      .poll(async () => (((await json(uploads, cookie)).body['uploads'] as Array<{ received: number }>)[0]?.received ?? 0), { timeout: 60_000, interval: 100 })
      .toBeGreaterThanOrEqual(20_000);
    await target.kill();
    expect(await sending).toBeUndefined(); // never answered

    api = await startApi(dataDir);
    const session = await fetch(`${api.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: owner.email, password: owner.password }) });
    const again = session.headers.get('set-cookie')!.split(';')[0]!;
    const contactsUrl = `${api.url}/api/campaigns/${campaignId}/contacts`;
    await expect.poll(async () => ((await (await fetch(`${api!.url}/api/health`)).json()) as { projections: { lagEvents: number } }).projections.lagEvents, { timeout: 20_000 }).toBe(0);
    expect((await json(contactsUrl, again)).body['total']).toBe(0);
    const [interrupted] = (await json(`${api.url}/api/campaigns/${campaignId}/uploads`, again)).body['uploads'] as Array<{ id: string; status: string; interrupted: boolean; received: number }>;
    expect(interrupted).toMatchObject({ status: 'started', interrupted: true });
    expect(interrupted!.received).toBeGreaterThanOrEqual(20_000);
    expect(interrupted!.received).toBeLessThan(ROWS);
    expect((await json(`${api.url}/api/campaigns/${campaignId}/uploads/${interrupted!.id}`, again, { method: 'DELETE' })).status).toBe(200);

    const retried = await json(`${api.url}/api/campaigns/${campaignId}/uploads?fileName=big.csv`, again, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'textbank-mapping': MAPPING },
      body: csvBody(async () => undefined),
      duplex: 'half',
    } as RequestInit);
    expect(retried.status).toBe(201);
    expect(retried.body['counts']).toEqual({ rows: ROWS, accepted: ROWS, invalid: 0, duplicate: 0, optedOut: 0 });
    expect((await json(contactsUrl, again)).body['total']).toBe(ROWS);
  }, 240_000);
});
