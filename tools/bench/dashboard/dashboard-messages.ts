/** What the dashboard bench and its socket-client process say to each other over IPC. */

export interface DashboardFleetConfig {
  readonly url: string;
  readonly cookie: string;
  /** One topic per client: `dashboard:<campaignId>` (admins) or `home:<texterId>` (volunteers). */
  readonly topics: readonly string[];
}

export type ToDashboardFleet = { readonly type: 'start'; readonly config: DashboardFleetConfig } | { readonly type: 'report' };

export interface DashboardClientReport {
  readonly topic: string;
  /** Each push's log position and arrival (Date.now() in the client process), in arrival order. */
  readonly positions: readonly number[];
  readonly receivedAt: readonly number[];
  /** The last view received, without its clock and position: compared with the read model at the end. */
  readonly last: string;
}

export type FromDashboardFleet =
  | { readonly type: 'ready'; readonly seconds: number }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'report'; readonly clients: readonly DashboardClientReport[]; readonly disconnects: number };

/** A view as compared at the end: everything but the moment it was read at. */
export function comparable(view: { at: string; position: string }): string {
  const { at: _at, position: _position, ...content } = view;
  return JSON.stringify(content);
}
