import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A stand-in for Twilio's REST API on 127.0.0.1, for tests and the dispatch
 * benchmark: the real `twilio` package talks to it (RedirectingRequestClient).
 * It speaks the parts of the 2010-04-01 Messages API Textbank uses (create,
 * list with To / DateSent> filters and paging), checks Basic auth, counts
 * what it received, and misbehaves on request: errors, 429s, slow answers,
 * connections dropped before or after the message was created.
 */
export interface FakeMessage {
  readonly sid: string;
  readonly accountSid: string;
  readonly to: string;
  readonly from: string | null;
  readonly messagingServiceSid: string | null;
  readonly body: string;
  readonly statusCallback: string | null;
  readonly validityPeriod: number | null;
  readonly createdAt: Date;
  /** performance.now() when the create request arrived, for rate windows. */
  readonly createdAtMs: number;
}

/** What the next create request gets, in order; once the plan is used up, every request succeeds. */
export type FakeBehaviour =
  | { readonly kind: 'error'; readonly status: number; readonly code: number; readonly message?: string }
  | { readonly kind: 'throttle' }
  | { readonly kind: 'slow'; readonly ms: number }
  | { readonly kind: 'drop-before-create' }
  | { readonly kind: 'drop-after-create' };

export interface FakeTwilioOptions {
  /** Accepted Basic credentials: `sid:secret` pairs (account SID + auth token, or API key + secret). */
  readonly credentials: ReadonlyArray<readonly [string, string]>;
  /** Answers a number with an error code at every send (21610 unsubscribed, 21211 invalid…). */
  readonly refuse?: ReadonlyMap<string, number>;
  /** Every create waits this long before answering (a slow Twilio). */
  readonly latencyMs?: number;
}

const MESSAGES = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\.json$/;
const E164 = /^\+[1-9]\d{6,14}$/;

export class FakeTwilioServer {
  readonly messages: FakeMessage[] = [];
  /** Every create request that reached the server, whatever it answered. */
  createRequests = 0;
  listRequests = 0;
  /** The most connections open at once (a client's socket pool shows here). */
  mostConnections = 0;
  private readonly plan: FakeBehaviour[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly options: FakeTwilioOptions) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens on 127.0.0.1 (a free port the first time, the same port after a `stop`). */
  async start(): Promise<string> {
    const server = createServer((request, response) => void this.handle(request, response));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      this.mostConnections = Math.max(this.mostConnections, this.sockets.size);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this.baseUrl;
  }

  /** Closes the port: sends then meet ECONNREFUSED. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Queues behaviours for the next create requests. */
  next(...behaviours: FakeBehaviour[]): void {
    this.plan.push(...behaviours);
  }

  /** How many messages were created with this body (a duplicate shows as 2). */
  countByBody(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) counts.set(m.body, (counts.get(m.body) ?? 0) + 1);
    return counts;
  }

  /** The most messages created by one sender (number or service) within any window of `ms`. */
  maxInWindow(ms = 1000): number {
    const bySender = new Map<string, number[]>();
    for (const m of this.messages) {
      const key = m.messagingServiceSid ?? m.from ?? '';
      bySender.set(key, [...(bySender.get(key) ?? []), m.createdAtMs]);
    }
    let max = 0;
    for (const times of bySender.values()) {
      times.sort((a, b) => a - b);
      for (let start = 0, end = 0; end < times.length; end++) {
        while (times[end]! - times[start]! >= ms) start++;
        max = Math.max(max, end - start + 1);
      }
    }
    return max;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // When the request arrived, before its body is read: what a carrier's rate window counts.
    const arrivedAtMs = performance.now();
    const url = new URL(request.url ?? '/', this.baseUrl);
    const route = MESSAGES.exec(url.pathname);
    if (!route) return json(response, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const accountSid = route[1]!;
    if (!this.authorized(request.headers.authorization)) return json(response, 401, { code: 20003, message: 'Authenticate', status: 401 });
    if (request.method === 'GET') return this.list(accountSid, url, response);
    if (request.method !== 'POST') return json(response, 405, { code: 20004, message: 'Method not allowed', status: 405 });
    const form = new URLSearchParams(await readBody(request));
    this.createRequests++;
    const behaviour = this.plan.shift();
    if (behaviour?.kind === 'drop-before-create') return void request.socket.destroy();
    if (behaviour?.kind === 'throttle') return json(response, 429, { code: 20429, message: 'Too Many Requests', status: 429 });
    if (behaviour?.kind === 'error') return json(response, behaviour.status, { code: behaviour.code, message: behaviour.message ?? `Error ${behaviour.code}`, status: behaviour.status });
    const refusal = this.refusalOf(form);
    if (refusal) return json(response, 400, { ...refusal, status: 400 });
    const message = this.create(accountSid, form, arrivedAtMs);
    if (behaviour?.kind === 'drop-after-create') return void request.socket.destroy();
    const wait = (behaviour?.kind === 'slow' ? behaviour.ms : 0) + (this.options.latencyMs ?? 0);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (!response.destroyed) json(response, 201, resource(message));
  }

  private authorized(header: string | undefined): boolean {
    const basic = /^Basic (.+)$/.exec(header ?? '');
    if (!basic) return false;
    const [user, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return this.options.credentials.some(([sid, secret]) => sid === user && secret === rest.join(':'));
  }

  private refusalOf(form: URLSearchParams): { code: number; message: string } | undefined {
    const to = form.get('To') ?? '';
    if (!E164.test(to)) return { code: 21211, message: `The 'To' number ${to} is not a valid phone number.` };
    if (!form.get('Body')) return { code: 21602, message: 'Message body is required.' };
    if (!form.get('From') && !form.get('MessagingServiceSid')) return { code: 21603, message: "A 'From' or 'MessagingServiceSid' parameter is required" };
    const code = this.options.refuse?.get(to);
    return code ? { code, message: `Refused with ${code}` } : undefined;
  }

  private create(accountSid: string, form: URLSearchParams, arrivedAtMs: number): FakeMessage {
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid,
      to: form.get('To')!,
      from: form.get('From'),
      messagingServiceSid: form.get('MessagingServiceSid'),
      body: form.get('Body')!,
      statusCallback: form.get('StatusCallback'),
      validityPeriod: form.has('ValidityPeriod') ? Number(form.get('ValidityPeriod')) : null,
      createdAt: new Date(),
      createdAtMs: arrivedAtMs,
    };
    this.messages.push(message);
    return message;
  }

  private list(accountSid: string, url: URL, response: ServerResponse): void {
    this.listRequests++;
    const to = url.searchParams.get('To');
    const after = url.searchParams.get('DateSent>');
    const pageSize = Math.min(1000, Number(url.searchParams.get('PageSize') ?? 50));
    const page = Number(url.searchParams.get('Page') ?? 0);
    const matching = this.messages.filter((m) => m.accountSid === accountSid && (!to || m.to === to) && (!after || m.createdAt.getTime() > Date.parse(after)));
    const slice = matching.slice(page * pageSize, (page + 1) * pageSize);
    const hasMore = (page + 1) * pageSize < matching.length;
    const next = new URL(url.pathname + url.search, this.baseUrl);
    next.searchParams.set('Page', String(page + 1));
    next.searchParams.set('PageSize', String(pageSize));
    json(response, 200, {
      messages: slice.map(resource),
      page,
      page_size: pageSize,
      uri: url.pathname + url.search,
      first_page_uri: url.pathname,
      next_page_uri: hasMore ? next.pathname + next.search : null,
      previous_page_uri: null,
      start: page * pageSize,
      end: page * pageSize + slice.length,
    });
  }
}

/** The JSON Twilio answers for a message resource (the fields the SDK maps). */
function resource(m: FakeMessage) {
  return {
    sid: m.sid,
    account_sid: m.accountSid,
    to: m.to,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    body: m.body,
    status: 'queued',
    direction: 'outbound-api',
    num_segments: '1',
    date_created: m.createdAt.toUTCString(),
    date_updated: m.createdAt.toUTCString(),
    date_sent: m.createdAt.toUTCString(),
    error_code: null,
    error_message: null,
    uri: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}.json`,
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
