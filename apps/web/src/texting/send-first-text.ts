import { NextContact, type CommandAccepted, type SocketSend } from '@textbank/contracts';
import type { ApiResult } from '../api/api-client';
import type { Gesture } from './send-presses';

/** The two ways to the server: the open socket (the texter's hot path) and HTTP (when the socket is down or silent). */
export interface SendTransport {
  /** Emits `texting:send` and resolves with the ack; rejects when not connected or no ack comes in time. */
  overSocket(request: SocketSend): Promise<unknown>;
  overHttp(campaignId: string, contactId: string, gestureId: string): Promise<ApiResult<CommandAccepted>>;
}

export type SendOutcome =
  /** `next`: the contact to show now, when the socket's ack brought it (undefined over HTTP: ask GET texting/next). */
  | { kind: 'sent'; messageId: string; readable: boolean; next?: NextContact | null }
  | { kind: 'refused'; status: number; message: string }
  /** No answer: it may or may not have gone. Pressing again retries the same gesture, which the server sends at most once. */
  | { kind: 'unknown'; message: string };

export const NO_ANSWER = 'No answer from Textbank, so this text may not have gone. Press Send again: it will not be sent twice.';

/**
 * One gesture, sent once: over the socket when it answers, else over HTTP
 * with the same gesture id as Idempotency-Key, so a socket send that did
 * reach the server before its ack was lost is not sent again.
 */
export async function sendFirstText(transport: SendTransport, campaignId: string, gesture: Gesture): Promise<SendOutcome> {
  try {
    const ack = readAck(await transport.overSocket({ campaignId, contactId: gesture.contactId, gestureId: gesture.id }));
    if (ack) return ack;
  } catch {
    // Not connected, or no ack in time: HTTP carries the same gesture.
  }
  const result = await transport.overHttp(campaignId, gesture.contactId, gesture.id);
  if (result.ok) return { kind: 'sent', messageId: result.value.id, readable: result.value.readable };
  const { statusCode, message } = result.error;
  // Network errors (0) and server faults say nothing about whether the text went.
  if (statusCode === 0 || statusCode >= 500) return { kind: 'unknown', message: NO_ANSWER };
  return { kind: 'refused', status: statusCode, message };
}

/** The socket's answer (SocketSendReply), or null for anything else: HTTP then asks again with the same gesture. */
function readAck(raw: unknown): SendOutcome | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const ack = raw as Record<string, unknown>;
  if (ack['ok'] === true && typeof ack['id'] === 'string') {
    const next = NextContact.nullable().safeParse(ack['next']);
    return { kind: 'sent', messageId: ack['id'], readable: ack['readable'] !== false, ...(next.success && { next: next.data }) };
  }
  if (ack['ok'] === false && typeof ack['status'] === 'number' && typeof ack['message'] === 'string' && ack['status'] < 500) {
    return { kind: 'refused', status: ack['status'], message: ack['message'] };
  }
  return null;
}
