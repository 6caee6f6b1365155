import type { DeliveryStatus, DeliveryUpdate, InboundMessage } from '../sms-provider.js';

/** Twilio's form fields, as the webhook body parser gives them. */
export type WebhookParams = Readonly<Record<string, unknown>>;

const text = (params: WebhookParams, name: string): string | undefined => {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * Twilio's MessageStatus → ours. Twilio's in-between statuses (accepted,
 * scheduled, sending) say no more than "queued"; `read` (WhatsApp, RCS)
 * implies delivered; `canceled` (a scheduled message withdrawn) never left.
 */
const STATUS: Readonly<Record<string, DeliveryStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/** A status callback as a delivery update, or the name of the field that is missing or wrong. */
export function deliveryUpdateOf(params: WebhookParams, at: string): DeliveryUpdate | { readonly invalid: string } {
  const providerMessageId = text(params, 'MessageSid') ?? text(params, 'SmsSid');
  if (!providerMessageId) return { invalid: 'MessageSid' };
  const reported = text(params, 'MessageStatus') ?? text(params, 'SmsStatus');
  const status = reported ? STATUS[reported] : undefined;
  if (!status) return { invalid: 'MessageStatus' };
  const errorCode = text(params, 'ErrorCode');
  return { providerMessageId, status, ...(errorCode && errorCode !== '0' && { errorCode }), at };
}

/** An incoming text, or the name of the field that is missing. */
export function inboundMessageOf(params: WebhookParams, receivedAt: string): InboundMessage | { readonly invalid: string } {
  const providerMessageId = text(params, 'MessageSid') ?? text(params, 'SmsSid');
  if (!providerMessageId) return { invalid: 'MessageSid' };
  const from = text(params, 'From');
  if (!from) return { invalid: 'From' };
  const to = text(params, 'To');
  if (!to) return { invalid: 'To' };
  // An empty Body is legal (a picture alone); it is recorded as an empty text.
  const body = typeof params['Body'] === 'string' ? params['Body'] : '';
  return { providerMessageId, from, to, body, receivedAt };
}
