import { Agent } from 'node:http';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

/** twilio/lib/base/RequestClient.js: DEFAULT_MAX_SOCKETS, DEFAULT_MAX_TOTAL_SOCKETS, DEFAULT_MAX_FREE_SOCKETS. */
const PACKAGE_SOCKETS = { maxSockets: 20, maxTotalSockets: 100, maxFreeSockets: 5 };

/**
 * The twilio package's own HTTP client, sending every request to another
 * origin with the same path and query. The package has no base-URL option
 * (edge/region only change the sub-domain), so this is how tests and the
 * benchmark reach the fake Twilio server on 127.0.0.1 through the real SDK.
 */
export class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options: { readonly timeout: number; readonly maxSockets?: number; readonly maxTotalSockets?: number; readonly maxFreeSockets?: number },
  ) {
    // keepAlive: one socket per concurrent send instead of a handshake per message.
    super({ keepAlive: true, ...options });
    // The package sets up its agent for https only; a plain-http fake gets the same limits, so tests meet the sockets production has.
    this.axios.defaults.httpAgent = new Agent({ keepAlive: true, ...PACKAGE_SOCKETS, ...options });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const original = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: new URL(original.pathname + original.search, this.baseUrl).href });
  }
}
