import type { NextContact, SocketSendReply } from '@textbank/contracts';
import { isTextingWindowOpen } from '@textbank/domain';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnexpectedResponseError } from '../shared/api-session.js';
import { startEventLoopDelay } from '../shared/event-loop-delay.js';
import { BATCH, requestMore } from '../shared/hand-out.js';
import { sendJson } from '../shared/http-json.js';
import { percentile } from '../shared/percentiles.js';
import { TEXTING_HOURS } from '../shared/texting-campaign.js';
import type { FollowingSocket, Texter } from '../shared/texters.js';

/** How the texter's Send reaches the API: the web app's socket, or the HTTP fallback. */
export type Transport = 'socket' | 'http';

export interface TexterAtWork {
  readonly texter: Texter;
  /** Their inbox, open and following `texter:<id>`: Send goes through it too. */
  readonly inbox: FollowingSocket;
}

const ANSWER_TIMEOUT_MS = 30_000;
/** A texter whose next contacts' hours are all closed (the bench picks open zones: should not happen) waits this long. */
const CLOSED_WAIT_MS = 1_000;
const REFUSALS_KEPT = 5;

/** Across the whole run: every accepted Send, for the check against the log. */
export interface SendTally {
  accepted: number;
  /** Refused although the contact was this texter's and its hours were open. */
  refusedWrongly: number;
  /** Refused because the contact's hours had closed (the run outlasted the zone's window): not the API's fault. */
  refusedClosed: number;
  /** No answer (ack timeout, dropped connection): neither accepted nor refused as far as the texter knows. */
  unanswered: number;
  /** Requests for 200 more (the texter holding none) answered with fewer. */
  shortHandOuts: number;
  /** ... answered 410 "every contact has been handed out": that texter stops for the rest of the phase. */
  gone: number;
  readonly refusals: string[];
}

export const newTally = (): SendTally => ({ accepted: 0, refusedWrongly: 0, refusedClosed: 0, unanswered: 0, shortHandOuts: 0, gone: 0, refusals: [] });

export interface PhaseResult {
  /** Accepted sends answered inside the window, per second. */
  readonly msgsPerSecond: number;
  /** Send (press to ack or HTTP answer) of the sends made wholly inside the window, ms. */
  readonly sendP50Ms: number;
  readonly sendP99Ms: number;
  readonly nextP50Ms: number;
  readonly nextP99Ms: number;
  /** "Give me 200 more" requests made inside the window, and their p50. */
  readonly requests: number;
  readonly requestP50Ms: number;
  /** How late the bench's own event loop ran timers (p99, ms): the texters' side, which the latencies include. */
  readonly clientLoopP99Ms: number;
}

/** Wall-clock marks of the measured window (performance.now()). */
interface Window {
  start: number;
  end: number;
  stopping: boolean;
}

interface Samples {
  sent: number;
  readonly sendMs: number[];
  readonly nextMs: number[];
  readonly requestMs: number[];
}

async function nextContact(texter: Texter, campaignId: string): Promise<NextContact | null> {
  const { session } = texter;
  const response = await sendJson(session.agent, { method: 'GET', url: `${session.url}/api/campaigns/${campaignId}/texting/next`, cookie: session.cookie, timeoutMs: ANSWER_TIMEOUT_MS });
  if (response.status !== 200) throw new UnexpectedResponseError(`GET texting/next for ${texter.name}`, response);
  return (response.body as { next: NextContact | null }).next;
}

type SendAnswer = { readonly kind: 'accepted'; readonly next?: NextContact | null } | { readonly kind: 'refused'; readonly status: number; readonly message: string } | { readonly kind: 'unanswered'; readonly message: string };

function sendOverSocket(inbox: FollowingSocket, campaignId: string, contactId: string): Promise<SendAnswer> {
  return new Promise((resolve) => {
    inbox.socket.timeout(ANSWER_TIMEOUT_MS).emit('texting:send', { campaignId, contactId, gestureId: randomUUID() }, (error: Error | null, reply: SocketSendReply) => {
      if (error) resolve({ kind: 'unanswered', message: error.message });
      else if (reply.ok) resolve({ kind: 'accepted', next: reply.next });
      else resolve({ kind: 'refused', status: reply.status, message: reply.message });
    });
  });
}

async function sendOverHttp(texter: Texter, campaignId: string, contactId: string): Promise<SendAnswer> {
  const { session } = texter;
  try {
    const response = await sendJson(session.agent, {
      method: 'POST',
      url: `${session.url}/api/campaigns/${campaignId}/texting/send`,
      body: { contactId },
      cookie: session.cookie,
      headers: { 'idempotency-key': randomUUID() },
      timeoutMs: ANSWER_TIMEOUT_MS,
    });
    if (response.status === 201) return { kind: 'accepted' };
    return { kind: 'refused', status: response.status, message: (response.body as { message?: string } | undefined)?.message ?? JSON.stringify(response.body) };
  } catch (error) {
    return { kind: 'unanswered', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * One texter at the keyboard, as the web app drives the API: the next
 * contact (GET texting/next, the message rendered), one press of Send, the
 * next (over the socket, the ack brings it; over HTTP, GET texting/next);
 * "give me 200 more" when none is left. Runs until the window closes.
 */
async function texterLoop(atWork: TexterAtWork, campaignId: string, transport: Transport, window: Window, samples: Samples, tally: SendTally): Promise<void> {
  const { texter, inbox } = atWork;
  const inWindow = (startedAt: number, endedAt: number) => startedAt >= window.start && endedAt <= window.end;
  /** What the last socket ack said to show next (undefined: ask GET texting/next, as the web app does after HTTP or a refusal). */
  let shown: NextContact | null | undefined;
  while (!window.stopping) {
    let next = shown;
    shown = undefined;
    if (next === undefined) {
      const nextStartedAt = performance.now();
      next = await nextContact(texter, campaignId);
      const nextEndedAt = performance.now();
      if (inWindow(nextStartedAt, nextEndedAt)) samples.nextMs.push(nextEndedAt - nextStartedAt);
    }
    if (!next) {
      const requestStartedAt = performance.now();
      const { assigned, gone } = await requestMore(texter, campaignId, ANSWER_TIMEOUT_MS);
      const requestEndedAt = performance.now();
      if (inWindow(requestStartedAt, requestEndedAt)) samples.requestMs.push(requestEndedAt - requestStartedAt);
      // The bench uploads more than the run can text, and hand-outs are picked under the stream's lock: neither should happen (the bench reports it).
      if (gone) {
        tally.gone += 1;
        return;
      }
      if (assigned < BATCH) tally.shortHandOuts += 1;
      continue;
    }
    if (!next.windowOpen) {
      await sleep(CLOSED_WAIT_MS);
      continue;
    }

    const startedAt = performance.now();
    const answer = transport === 'socket' ? await sendOverSocket(inbox, campaignId, next.contactId) : await sendOverHttp(texter, campaignId, next.contactId);
    const endedAt = performance.now();
    if (answer.kind === 'accepted') {
      shown = answer.next;
      tally.accepted += 1;
      if (endedAt >= window.start && endedAt <= window.end) samples.sent += 1;
      if (inWindow(startedAt, endedAt)) samples.sendMs.push(endedAt - startedAt);
      continue;
    }
    if (answer.kind === 'unanswered') tally.unanswered += 1;
    else if (/Outside texting hours/.test(answer.message) && !isTextingWindowOpen(next.timeZone, TEXTING_HOURS, new Date())) tally.refusedClosed += 1;
    else tally.refusedWrongly += 1;
    if (tally.refusals.length < REFUSALS_KEPT) tally.refusals.push(`${texter.name}, contact ${next.contactId} over ${transport}: ${answer.kind === 'refused' ? `${answer.status} ` : ''}${answer.message}`);
  }
}

/**
 * `atWork.length` texters text at once over `transport`: unmeasured for
 * `warmUpMs` (the loops and the JIT get going), then measured for `windowMs`.
 */
export async function runPhase(campaignId: string, atWork: readonly TexterAtWork[], transport: Transport, warmUpMs: number, windowMs: number, tally: SendTally): Promise<PhaseResult> {
  const window: Window = { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY, stopping: false };
  const samples: Samples = { sent: 0, sendMs: [], nextMs: [], requestMs: [] };
  const loops = atWork.map((one) => texterLoop(one, campaignId, transport, window, samples, tally));
  let failed: unknown;
  const settled = Promise.all(loops).catch((error: unknown) => {
    failed = error;
    window.stopping = true;
  });
  await Promise.race([sleep(warmUpMs), settled]);
  window.start = performance.now();
  const clientLoopDelay = startEventLoopDelay();
  await Promise.race([sleep(windowMs), settled]);
  window.end = performance.now();
  const clientLoopP99Ms = clientLoopDelay();
  window.stopping = true;
  await settled;
  if (failed) throw failed;
  return {
    msgsPerSecond: samples.sent / ((window.end - window.start) / 1000),
    sendP50Ms: percentile(samples.sendMs, 50),
    sendP99Ms: percentile(samples.sendMs, 99),
    nextP50Ms: percentile(samples.nextMs, 50),
    nextP99Ms: percentile(samples.nextMs, 99),
    requests: samples.requestMs.length,
    requestP50Ms: percentile(samples.requestMs, 50),
    clientLoopP99Ms,
  };
}
