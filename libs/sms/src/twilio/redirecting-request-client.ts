import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

/**
 * The twilio package's own HTTP client, sending every request to another
 * origin with the same path and query. The package has no base-URL option
 * (edge/region only change the sub-domain), so this is how tests and the
 * benchmark reach the fake Twilio server on 127.0.0.1 through the real SDK.
 */
export class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    // keepAlive: one socket per concurrent send instead of a handshake per message.
    super({ timeout: timeoutMs, keepAlive: true });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const original = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: new URL(original.pathname + original.search, this.baseUrl).href });
  }
}
