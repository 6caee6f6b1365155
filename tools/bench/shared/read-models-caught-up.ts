import type { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendJson } from './http-json.js';

/**
 * Waits until the API's read models have every event of the log (GET
 * /api/health: no lag): hand-outs answer once durable, not once projected,
 * so a check of the read model after the last answer must wait for it.
 */
export async function readModelsCaughtUp(url: string, agent: Agent, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const response = await sendJson(agent, { method: 'GET', url: `${url}/api/health`, timeoutMs });
    const lag = (response.body as { projections?: { lagEvents?: number } }).projections?.lagEvents;
    if (response.status === 200 && lag === 0) return;
    if (performance.now() > deadline) throw new Error(`The read models still lag ${lag} events behind the log after ${timeoutMs} ms`);
    await sleep(50);
  }
}
