import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Agent } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { EsdbEventStore } from '@textbank/event-store';
import { startApiChild, type ApiChild } from '../shared/api-child.js';
import { setUpOrganization, UnexpectedResponseError, type ApiSession } from '../shared/api-session.js';
import type { BenchOptions } from '../shared/bench-options.js';
import { rounded, type BenchOutcome } from '../shared/bench-result.js';
import { eventMetadata } from '../shared/event-metadata.js';
import { sendJson } from '../shared/http-json.js';
import { onAbruptExit } from '../shared/on-abrupt-exit.js';
import { percentile } from '../shared/percentiles.js';
import { progress } from '../shared/progress.js';
import { stopChild } from '../shared/stop-child.js';
import { withTempDir } from '../shared/temp-dir.js';

/** The protocol-level EventStoreDB test server's entry point, beside the module its package export resolves to. */
const ESDB_SERVER_MAIN = join(dirname(createRequire(import.meta.url).resolve('@textbank/event-store/esdb-test-server')), 'main.js');
const INSTANCES = [1, 2, 3] as const;
/** Command clients per instance (each: create a campaign, rename it, over and over). */
const CLIENTS_PER_INSTANCE = 6;
const SOCKETS_PER_INSTANCE = 10;
const STRAGGLER_WAIT_MS = 10_000;

interface Round {
  readonly commandsPerSecond: number;
  readonly pushP50Ms: number;
  readonly pushP99Ms: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly pushesMissing: number;
}

/**
 * The same command load (create a campaign, then rename it) through 1, 2 and
 * 3 API processes sharing one EventStoreDB (the protocol-level test server,
 * in its own process), while sockets spread over the instances follow the
 * campaigns: push latency = when a socket saw a change - when its command
 * was sent, whichever instance took it. Every round checks that every
 * acknowledged command is in the read models once and reached every socket.
 */
export async function runScaleBench(options: BenchOptions): Promise<BenchOutcome> {
  const seconds = options.quick ? 3 : 15;
  const rounds: Round[] = [];
  for (const instances of INSTANCES) rounds.push(await withTempDir(`scale-${instances}`, (dir) => runRound(dir, instances, seconds)));
  const catchUp = await withTempDir('scale-catch-up', (dir) => measureCatchUp(dir, options.quick ? 10_000 : 50_000));
  const ok = rounds.every((r) => r.lost === 0 && r.duplicates === 0 && r.pushesMissing === 0);
  return {
    ok,
    figures: {
      instances: [...INSTANCES],
      commands_per_s: rounds.map((r) => Math.round(r.commandsPerSecond)),
      push_p99_ms: rounds.map((r) => rounded(r.pushP99Ms)),
      lost: rounds.reduce((sum, r) => sum + r.lost, 0),
      duplicates: rounds.reduce((sum, r) => sum + r.duplicates, 0),
      push_p50_ms: rounds.map((r) => rounded(r.pushP50Ms)),
      pushes_missing: rounds.reduce((sum, r) => sum + r.pushesMissing, 0),
      catch_up_events_per_s: Math.round(catchUp.eventsPerSecond),
      catch_up_events: catchUp.events,
      seconds,
      sockets_per_instance: SOCKETS_PER_INSTANCE,
      clients_per_instance: CLIENTS_PER_INSTANCE,
    },
  };
}

async function runRound(dir: string, instances: number, seconds: number): Promise<Round> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = await startServer(join(dir, 'events.db'));
  const apis: ApiChild[] = [];
  const sockets: Socket[] = [];
  try {
    mkdirSync(join(dir, 'auth'));
    for (let i = 0; i < instances; i++) {
      apis.push(
        await startApiChild({
          dataDir: join(dir, `api-${i}`),
          env: { EVENTSTORE_CONNECTION_STRING: server.connectionString, AUTH_DB_PATH: join(dir, 'auth', 'auth.db'), INSTANCE_NAME: `api-${i}` },
        }),
      );
    }
    const owner = await setUpOrganization(apis[0]!.url, agent);
    // name -> when its command was sent; each socket notes when it saw that name.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const seenBySocket: Array<Set<string>> = [];
    for (const api of apis) {
      for (let s = 0; s < SOCKETS_PER_INSTANCE; s++) {
        const seen = new Set<string>();
        seenBySocket.push(seen);
        sockets.push(await connect(api.url, owner.cookie, (name, at) => {
          seen.add(name);
          const sent = sentAt.get(name);
          if (sent !== undefined) latencies.push(at - sent);
        }));
      }
    }
    progress(`scale: ${instances} instance(s), ${sockets.length} sockets; driving ${CLIENTS_PER_INSTANCE * instances} clients for ${seconds} s`);

    const acknowledged: string[] = [];
    const createdIds = new Set<string>();
    const stopAt = Date.now() + seconds * 1000;
    const started = Date.now();
    let commands = 0;
    const client = async (session: ApiSession, n: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const name = `c${n}-${i}-${randomUUID().slice(0, 8)}`;
        sentAt.set(name, performance.now());
        const created = await sendJson(agent, { method: 'POST', url: `${session.url}/api/campaigns`, body: { name }, cookie: session.cookie, headers: { 'idempotency-key': randomUUID() } });
        const id = (created.body as { id?: string }).id;
        if (created.status !== 201 || !id) throw new UnexpectedResponseError('POST /api/campaigns', created);
        acknowledged.push(name);
        createdIds.add(id);
        const renamed = `${name}-r`;
        sentAt.set(renamed, performance.now());
        const rename = await sendJson(agent, { method: 'PATCH', url: `${session.url}/api/campaigns/${id}`, body: { expectedRevision: 0, name: renamed }, cookie: session.cookie });
        if (rename.status !== 200) throw new UnexpectedResponseError('PATCH /api/campaigns/:id', rename);
        acknowledged.push(renamed);
        commands += 2;
      }
    };
    await Promise.all(apis.flatMap((api, a) => Array.from({ length: CLIENTS_PER_INSTANCE }, (_, c) => client({ ...owner, url: api.url }, a * 100 + c))));
    const elapsed = (Date.now() - started) / 1000;

    const deadline = Date.now() + STRAGGLER_WAIT_MS;
    while (Date.now() < deadline && !seenBySocket.every((seen) => acknowledged.every((name) => seen.has(name)))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pushesMissing = seenBySocket.reduce((sum, seen) => sum + acknowledged.filter((name) => !seen.has(name)).length, 0);
    const listed = await sendJson(agent, { method: 'GET', url: `${apis[apis.length - 1]!.url}/api/campaigns`, cookie: owner.cookie });
    const campaigns = (listed.body as { campaigns: Array<{ id: string; name: string }> }).campaigns;
    const names = campaigns.map((c) => c.name);
    const lost = [...createdIds].filter((id) => !campaigns.some((c) => c.id === id)).length;
    const duplicates = names.length - new Set(names).size;
    const round = {
      commandsPerSecond: commands / elapsed,
      pushP50Ms: percentile(latencies, 50),
      pushP99Ms: percentile(latencies, 99),
      lost,
      duplicates,
      pushesMissing,
    };
    progress(
      `scale: ${instances} instance(s): ${commands} commands in ${elapsed.toFixed(1)} s = ${Math.round(round.commandsPerSecond)}/s; ` +
        `push p50 ${round.pushP50Ms.toFixed(1)} ms, p99 ${round.pushP99Ms.toFixed(1)} ms over ${latencies.length} deliveries; ` +
        `lost ${lost}, duplicates ${duplicates}, pushes missing ${pushesMissing}`,
    );
    return round;
  } finally {
    sockets.forEach((socket) => socket.close());
    await Promise.all(apis.map((api) => api.stop()));
    await server.stop();
    agent.destroy();
  }
}

/**
 * How fast a new instance's `$all` subscription reads the log through the
 * adapter, gRPC and the test server (what bounds a read-model rebuild besides
 * the projectors' own work, measured by `npm run bench -- replay`).
 */
async function measureCatchUp(dir: string, events: number): Promise<{ eventsPerSecond: number; events: number }> {
  const server = await startServer(join(dir, 'events.db'));
  const writer = new EsdbEventStore({ connectionString: server.connectionString });
  try {
    const metadata = eventMetadata('CampaignDetailsChanged', { id: randomUUID(), kind: 'person', name: 'Bench Organizer' }, new Date());
    for (let n = 0; n < events; n += 100) {
      const batch = Array.from({ length: 100 }, (_, i) => ({ type: 'CampaignDetailsChanged', data: { campaignId: randomUUID(), name: `Campaign ${n + i}`, description: 'x'.repeat(120) }, metadata }));
      await writer.appendToStream(`campaign-${randomUUID()}`, batch, { expectedRevision: 'no_stream' });
    }
    const started = performance.now();
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      const subscription = writer.subscribeToAll(
        {
          onEvents: (batch) => void (seen += batch.length),
          onCaughtUp: () => {
            if (seen >= events) void subscription.unsubscribe().then(resolve);
          },
          onError: reject,
        },
        { filter: { excludeSystemEvents: true }, batchSize: 2000 },
      );
    });
    const eventsPerSecond = seen / ((performance.now() - started) / 1000);
    progress(`scale: a new subscription read ${seen} events from the start at ${Math.round(eventsPerSecond)} events/s`);
    return { eventsPerSecond, events: seen };
  } finally {
    await writer.close();
    await server.stop();
  }
}

/** A browser's live connection: every campaign pushed (synced from now on), with the time it arrived. */
function connect(url: string, cookie: string, onCampaign: (name: string, at: number) => void): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  socket.on('change', (change: { kind: string; payload: { name: string } }) => {
    if (change.kind === 'campaign.upserted') onCampaign(change.payload.name, performance.now());
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', () =>
      socket.emit('sync', { topics: ['campaigns'], since: '0' }, (reply: { ok: boolean; error?: string }) => (reply.ok ? resolve(socket) : reject(new Error(reply.error)))),
    );
  });
}

/** The test server in its own process, so its work is not the driver's. */
async function startServer(path: string): Promise<{ connectionString: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [ESDB_SERVER_MAIN, '--path', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const cancelKill = onAbruptExit(() => child.kill('SIGKILL'));
  const connectionString = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the EventStoreDB test server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^LISTENING (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return {
    connectionString,
    async stop() {
      await stopChild(child);
      cancelKill();
    },
  };
}
