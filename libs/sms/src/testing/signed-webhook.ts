import twilio from 'twilio';

/**
 * Signs a webhook as Twilio would, with the package's own signing function:
 * the `X-Twilio-Signature` over the full URL and the form fields. With
 * `sharedKey`, it signs as a SharedKey webhook (HMAC-SHA256) and returns the
 * settings header that names it.
 */
export function signedWebhook(secret: string, url: string, params: Readonly<Record<string, string>>, sharedKey?: { readonly id: string }): Record<string, string> {
  if (!sharedKey) return { 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(secret, url, params) };
  return {
    'X-Twilio-Signature': twilio.getExpectedTwilioSignature(secret, url, params, 'HMAC_SHA256'),
    'X-Twilio-Webhooks-Signature-Settings': `key=${sharedKey.id},algorithm=HMAC_SHA256`,
  };
}
