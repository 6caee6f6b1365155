/** What the bench and its socket-client process say to each other over the IPC channel. */

export interface FleetConfig {
  readonly url: string;
  readonly cookie: string;
  readonly campaignIds: readonly string[];
  readonly clientsPerCampaign: number;
}

export type ToFleet = { readonly type: 'start'; readonly config: FleetConfig } | { readonly type: 'report' };

export interface FleetReport {
  readonly type: 'report';
  /** Receipts in arrival order: positions[i] arrived at receivedAt[i] (Date.now() in the client process). */
  readonly positions: readonly string[];
  readonly receivedAt: readonly number[];
  /** A client got the same position twice. */
  readonly duplicates: number;
  /** A client got a change for a campaign it does not follow. */
  readonly misrouted: number;
  readonly disconnects: number;
}

export type FromFleet =
  | { readonly type: 'ready'; readonly clients: number; readonly seconds: number }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'progress'; readonly received: number }
  | FleetReport;
