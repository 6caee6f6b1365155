/**
 * How the sandbox's sends go wrong, with Twilio's own codes so the app's
 * handling (a 21610 counts as an opt-out, a 30006 tags a landline) is
 * exercised without a Twilio account. Weights are relative within each list.
 */

/** Refused at send: the API call itself answers `failed`. */
export interface SendRefusal {
  readonly code: string;
  readonly message: string;
  readonly weight: number;
}

export const SEND_REFUSALS: readonly SendRefusal[] = [
  { code: '21211', message: "Invalid 'To' Phone Number", weight: 2 },
  { code: '21614', message: "'To' number is not a valid mobile number", weight: 2 },
  { code: '21610', message: 'Attempt to send to unsubscribed recipient', weight: 1 },
];

/**
 * Accepted, then lost on the way: a later delivery update. `undelivered`
 * means the carrier had it (so `sent` came first); `failed` means it never
 * left the provider.
 */
export interface CarrierFailure {
  readonly code: string;
  readonly status: 'undelivered' | 'failed';
  readonly message: string;
  readonly weight: number;
}

export const CARRIER_FAILURES: readonly CarrierFailure[] = [
  { code: '30003', status: 'undelivered', message: 'Unreachable destination handset', weight: 3 },
  { code: '30005', status: 'undelivered', message: 'Unknown destination handset', weight: 2 },
  { code: '30006', status: 'undelivered', message: 'Landline or unreachable carrier', weight: 3 },
  { code: '30007', status: 'undelivered', message: 'Message filtered by the carrier', weight: 1 },
  { code: '30008', status: 'failed', message: 'Unknown error', weight: 1 },
];
