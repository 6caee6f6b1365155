import { writeAcceptedTexts } from '@textbank/api';
import { SqliteEventStore } from '@textbank/event-store';
import { FakeTwilioServer, signedWebhook } from '@textbank/sms/testing';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startApiChild } from '../shared/api-child.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { stopAndDescribeProfile } from '../shared/profile-summary.js';
import { progress } from '../shared/progress.js';
import { withTempDir } from '../shared/temp-dir.js';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const TOKEN = 'a'.repeat(32);
const SERVICE = `MG${'2'.repeat(32)}`;
const RATE = 1_000;
const CALLBACK_CONCURRENCY = 32;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 50,000 accepted texts (10,000 with --quick) through the built API's
 * dispatcher to the fake Twilio over HTTP, paced at 1,000 a second for the
 * one messaging service, then every status callback posted back signed.
 * `max_lag_ms`: how far any text reached Twilio behind the pace (the k-th
 * text is due k/rate after the first).
 */
export async function runDispatchBench(options: BenchOptions): Promise<BenchOutcome> {
  const messages = options.quick ? 10_000 : 50_000;
  const say = (message: string) => progress(`dispatch: ${message}`);
  return withTempDir('dispatch', async (dir) => {
    const fake = new FakeTwilioServer({ credentials: [[ACCOUNT, TOKEN]] });
    await fake.start();
    const dataDir = join(dir, 'data');
    say(`writing ${messages.toLocaleString('en-US')} accepted texts into the log`);
    const { texts } = await writeAcceptedTexts(dataDir, messages);
    // PUBLIC_BASE_URL (what callbacks are signed for) must be known before the API starts: pick its port first.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    say(`starting the API (SMS_PROVIDER=twilio, ${RATE} msg/s per sender) against the fake Twilio at ${fake.baseUrl}`);
    const api = await startApiChild({
      dataDir,
      profile: process.env.BENCH_API_CPU_PROFILE !== undefined,
      env: { PORT: String(port), SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_MESSAGING_SERVICE_SID: SERVICE, PUBLIC_BASE_URL: publicUrl, TWILIO_API_BASE_URL: fake.baseUrl, SMS_RATE_PER_SECOND: String(RATE), DISPATCH_CONCURRENCY: '64' },
    });
    const profileDir = process.env.BENCH_API_CPU_PROFILE;
    try {
      if (profileDir !== undefined) await api.startProfile();
      // However slow the machine, wait while texts keep arriving; 30 s without one means the rest are lost.
      for (let last = -1, stalledSince = Date.now(); fake.messages.length < messages && Date.now() - stalledSince < 30_000; ) {
        await sleep(1_000);
        if (fake.messages.length === last) continue;
        say(`${fake.messages.length.toLocaleString('en-US')} at Twilio`);
        last = fake.messages.length;
        stalledSince = Date.now();
      }
      if (profileDir !== undefined) await stopAndDescribeProfile(api, join(profileDir, 'api-dispatch.cpuprofile'), 'dispatch', 'the sending');
      const times = fake.messages.map((m) => m.createdAtMs).sort((a, b) => a - b);
      const seconds = (times[times.length - 1]! - times[0]!) / 1000;
      const maxLag = Math.max(0, ...times.map((t, k) => t - (times[0]! + (k * 1000) / RATE)));
      const bodies = fake.countByBody();
      const duplicates = [...bodies.values()].filter((n) => n > 1).length;
      const lost = texts.filter((t) => !bodies.has(t.body)).length;
      say(`sent: ${fake.messages.length} in ${rounded(seconds)} s; posting ${fake.messages.length} signed status callbacks, ${CALLBACK_CONCURRENCY} at a time`);
      if (profileDir !== undefined) await api.startProfile();
      const callbacks = await postCallbacks(`${api.url}/webhooks/twilio/status`, `${publicUrl}/webhooks/twilio/status`, fake.messages.map((m) => m.sid));
      if (profileDir !== undefined) await stopAndDescribeProfile(api, join(profileDir, 'api-callbacks.cpuprofile'), 'dispatch', 'the callbacks');
      await api.stop();
      const updates = await countEvents(join(dataDir, 'events.db'), 'MessageDeliveryUpdated');
      say(`callbacks: ${callbacks.ok} answered 204 in ${rounded(callbacks.seconds)} s; ${updates} delivery updates in the log`);
      const figures = {
        messages,
        msgs_per_s: rounded(fake.messages.length / seconds, 1),
        max_window_rate: fake.maxInWindow(1000),
        max_lag_ms: rounded(maxLag, 1),
        callbacks_per_s: rounded(callbacks.ok / callbacks.seconds, 1),
        duplicates,
        lost,
      };
      return { figures, ok: duplicates === 0 && lost === 0 && updates === fake.messages.length && callbacks.ok === fake.messages.length };
    } finally {
      await api.stop();
      await fake.stop();
    }
  });
}

/** Posts `delivered` for each SID, signed for the public URL, a few at a time; answers how many got 204 and how long it took. */
async function postCallbacks(target: string, signedUrl: string, sids: readonly string[]): Promise<{ ok: number; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CALLBACK_CONCURRENCY });
  let next = 0;
  let ok = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < sids.length) {
      const params = { MessageSid: sids[next++]!, MessageStatus: 'delivered', AccountSid: ACCOUNT };
      if ((await postForm(agent, target, params, signedWebhook(TOKEN, signedUrl, params))) === 204) ok++;
    }
  };
  await Promise.all(Array.from({ length: CALLBACK_CONCURRENCY }, worker));
  agent.destroy();
  return { ok, seconds: (performance.now() - started) / 1000 };
}

function postForm(agent: Agent, url: string, params: Record<string, string>, headers: Record<string, string>): Promise<number> {
  const body = new URLSearchParams(params).toString();
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers } });
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.end(body);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function countEvents(path: string, type: string): Promise<number> {
  const store = new SqliteEventStore({ path, checkpointInWorker: false });
  try {
    return (await store.readAll({ filter: { eventTypes: [type] } })).length;
  } finally {
    await store.close();
  }
}
