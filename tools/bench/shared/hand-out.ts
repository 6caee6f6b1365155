import { DEFAULT_BATCH_SIZE } from '@textbank/domain';
import { UnexpectedResponseError } from './api-session.js';
import { sendJson } from './http-json.js';
import type { Texter } from './texters.js';

/** "Give me 200 more": what a texter holding none asks for, and the most they may hold untexted. */
export const BATCH = DEFAULT_BATCH_SIZE;

export interface HandOut {
  /** 0 with `gone`: the API answered 410 "every contact in this campaign has been handed out". */
  readonly assigned: number;
  readonly gone: boolean;
  /** From sending the request to its whole answer, as the texter waits for it. */
  readonly ms: number;
}

/** "Give me 200 more": POST texting/request, timed; a 410 is an answer too (the bench judges it). */
export async function requestMore(texter: Texter, campaignId: string, timeoutMs: number): Promise<HandOut> {
  const { session } = texter;
  const startedAt = performance.now();
  const response = await sendJson(session.agent, {
    method: 'POST',
    url: `${session.url}/api/campaigns/${campaignId}/texting/request`,
    body: { count: BATCH },
    cookie: session.cookie,
    timeoutMs,
  });
  const ms = performance.now() - startedAt;
  if (response.status === 410) return { assigned: 0, gone: true, ms };
  if (response.status !== 200) throw new UnexpectedResponseError(`POST texting/request for ${texter.name}`, response);
  return { assigned: (response.body as { assigned: number }).assigned, gone: false, ms };
}

/** Each texter gives back what they have not texted (POST texting/release), all at once. */
export async function releaseAll(texters: readonly Texter[], campaignId: string, timeoutMs: number): Promise<void> {
  await Promise.all(
    texters.map(async (texter) => {
      const { session } = texter;
      const response = await sendJson(session.agent, { method: 'POST', url: `${session.url}/api/campaigns/${campaignId}/texting/release`, body: {}, cookie: session.cookie, timeoutMs });
      if (response.status !== 200) throw new UnexpectedResponseError(`POST texting/release for ${texter.name}`, response);
    }),
  );
}
