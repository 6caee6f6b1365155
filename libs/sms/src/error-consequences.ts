/**
 * What a provider's error code means for the product, with Twilio's codes
 * (the sandbox simulates the same ones). One table, so the dispatcher (a send
 * refused at once) and the delivery webhooks (a later `undelivered`/`failed`)
 * act alike:
 * - `opt_out`: the recipient unsubscribed at the carrier: the number is opted out organization-wide.
 * - `unreachable`: the number cannot take texts (invalid, not mobile, landline, unknown): the contact is marked unreachable.
 * - `campaign_alarm`: the carrier filtered the text or the sender is not registered (10DLC): the campaign's admins must act;
 *   carrying on would burn every contact.
 * - `back_pressure`: too many requests: wait and ask again (nothing was created), never a failure.
 * - `failure`: this one text failed; nothing more follows.
 */
export type ErrorConsequence =
  | { readonly kind: 'opt_out' }
  | { readonly kind: 'unreachable'; readonly reason: UnreachableReason }
  | { readonly kind: 'campaign_alarm'; readonly alarm: CampaignAlarm }
  | { readonly kind: 'back_pressure' }
  | { readonly kind: 'failure' };

export type UnreachableReason = 'invalid_number' | 'not_mobile' | 'unreachable' | 'unknown_handset' | 'landline';
export type CampaignAlarm = 'carrier_filtered' | 'unregistered_10dlc';

const TABLE: Readonly<Record<string, ErrorConsequence>> = {
  '21610': { kind: 'opt_out' },
  '21211': { kind: 'unreachable', reason: 'invalid_number' },
  '21614': { kind: 'unreachable', reason: 'not_mobile' },
  '30003': { kind: 'unreachable', reason: 'unreachable' },
  '30005': { kind: 'unreachable', reason: 'unknown_handset' },
  '30006': { kind: 'unreachable', reason: 'landline' },
  '30007': { kind: 'campaign_alarm', alarm: 'carrier_filtered' },
  '30034': { kind: 'campaign_alarm', alarm: 'unregistered_10dlc' },
  '20429': { kind: 'back_pressure' },
  // Twilio answers an HTTP 429 with code 20429, but a bare 429 (a proxy's) means the same.
  '429': { kind: 'back_pressure' },
};

const FAILURE: ErrorConsequence = { kind: 'failure' };

/** The consequence of a provider error code; unknown or missing codes fail only the one text. */
export function consequenceOf(errorCode: string | number | undefined | null): ErrorConsequence {
  if (errorCode === undefined || errorCode === null) return FAILURE;
  return TABLE[String(errorCode).trim()] ?? FAILURE;
}
