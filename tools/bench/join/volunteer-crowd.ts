import type { Agent } from 'node:http';
import { sessionCookieOf } from '../shared/api-session.js';
import { startEventLoopDelay } from '../shared/event-loop-delay.js';
import { sendJson, type JsonResponse } from '../shared/http-json.js';
import { progress } from '../shared/progress.js';

export interface CrowdPlan {
  readonly url: string;
  /** Keep-alive, with a socket for every volunteer: they all arrive at once. */
  readonly agent: Agent;
  /** The invite link's secret. */
  readonly token: string;
  readonly volunteers: number;
  /** A request without an answer for this long counts as failed: the run always ends. */
  readonly requestTimeoutMs: number;
}

export interface CrowdResult {
  /** Per volunteer who got through both steps, ms: the join, the sign-in, and both end to end. */
  readonly joinMs: readonly number[];
  readonly signInMs: readonly number[];
  readonly totalMs: readonly number[];
  /** Volunteers who joined (201 with a session) and then signed in (200 with a session). */
  readonly succeeded: number;
  /** The first few failures, to show on stderr. */
  readonly failures: readonly string[];
  readonly failed: number;
  /** From the first request to the last answer. */
  readonly seconds: number;
  /** Share of that time the event loop (the API's, which the crowd's requests share) was busy, 0 to 1. */
  readonly eventLoopUtilization: number;
  /** How late the event loop ran timers, p99 ms: what any other request or socket waited behind the crowd. */
  readonly eventLoopP99Ms: number;
  /** Every volunteer's email, joined or not: for the check against the people list. */
  readonly emails: readonly string[];
}

const FAILURES_KEPT = 5;
const emailOf = (index: number) => `volunteer-${index}@example.org`;
const PROGRESS_INTERVAL_MS = 2_000;

/** Why an answer is not the one expected, or undefined when it is. */
function problemWith(response: JsonResponse, status: number, email: string): string | undefined {
  if (response.status !== status) return `HTTP ${response.status} ${JSON.stringify(response.body)}`;
  if (!sessionCookieOf(response)) return `HTTP ${response.status} without a session cookie`;
  const person = (response.body as { person?: { email?: unknown } } | undefined)?.person;
  if (person?.email !== email) return `HTTP ${response.status} for someone else: ${JSON.stringify(response.body)}`;
  return undefined;
}

/**
 * A texting night's crowd: every volunteer starts at once, joins through the
 * one link (POST /api/join/<token>: 201 and a session), then signs in again as
 * from another device (POST /api/session: 200 and a session).
 */
export async function runCrowd(plan: CrowdPlan): Promise<CrowdResult> {
  const joinMs: number[] = [];
  const signInMs: number[] = [];
  const totalMs: number[] = [];
  const failures: string[] = [];
  const emails = Array.from({ length: plan.volunteers }, (_, index) => emailOf(index));
  let failed = 0;
  let joined = 0;
  const fail = (message: string) => {
    failed += 1;
    if (failures.length < FAILURES_KEPT) failures.push(message);
  };

  const volunteer = async (index: number): Promise<void> => {
    const email = emailOf(index);
    const password = `volunteer-password-${index}`;
    const post = (path: string, body: unknown) =>
      sendJson(plan.agent, { method: 'POST', url: `${plan.url}${path}`, body, timeoutMs: plan.requestTimeoutMs });

    const joinStartedAt = performance.now();
    const joinProblem = problemWith(await post(`/api/join/${plan.token}`, { name: `Volunteer ${index}`, email, password }), 201, email);
    const joinedAt = performance.now();
    if (joinProblem) return fail(`volunteer ${index}: POST /api/join/<token>: ${joinProblem}`);
    joined += 1;

    const signInProblem = problemWith(await post('/api/session', { email, password }), 200, email);
    const signedInAt = performance.now();
    if (signInProblem) return fail(`volunteer ${index}: POST /api/session: ${signInProblem}`);
    joinMs.push(joinedAt - joinStartedAt);
    signInMs.push(signedInAt - joinedAt);
    totalMs.push(signedInAt - joinStartedAt);
  };

  const ticker = setInterval(
    () => progress(`join: ${joined} of ${plan.volunteers} joined, ${totalMs.length} signed in, ${failed} failed`),
    PROGRESS_INTERVAL_MS,
  );
  const eventLoopDelay = startEventLoopDelay();
  const eventLoopBefore = performance.eventLoopUtilization();
  const startedAt = performance.now();
  try {
    await Promise.all(
      Array.from({ length: plan.volunteers }, (_, index) =>
        volunteer(index).catch((error: unknown) => fail(`volunteer ${index}: ${error instanceof Error ? error.message : String(error)}`)),
      ),
    );
  } finally {
    clearInterval(ticker);
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const eventLoopUtilization = performance.eventLoopUtilization(eventLoopBefore).utilization;
  const eventLoopP99Ms = eventLoopDelay();
  return { joinMs, signInMs, totalMs, succeeded: totalMs.length, failures, failed, seconds, eventLoopUtilization, eventLoopP99Ms, emails };
}
