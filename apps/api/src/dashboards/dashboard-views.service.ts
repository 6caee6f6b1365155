import { Inject, Injectable } from '@nestjs/common';
import type { DashboardPush, DashboardTopic } from '@textbank/contracts';
import { campaignDashboard, findPerson, organizationOverview, volunteerHome, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Server } from 'socket.io';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';

/** The per-minute traffic a pushed campaign dashboard carries. */
export const PUSHED_HOURS = 3;

/** UTC midnight of `now`: a volunteer's day when their browser did not say. */
export const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();

/**
 * Reads a dashboard view at the runner's checkpoint and the clock's now.
 * Who is online comes from the socket server (presence is not an event):
 * anyone with a socket open, by their person room.
 */
@Injectable()
export class DashboardViews {
  private server: Server | undefined;

  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  attach(server: Server): void {
    this.server = server;
  }

  online(): Set<string> {
    const ids = new Set<string>();
    for (const [room, sockets] of this.server?.of('/').adapter.rooms ?? []) if (room.startsWith('person:') && sockets.size > 0) ids.add(room.slice('person:'.length));
    return ids;
  }

  private moment() {
    return { now: this.clock(), position: this.projections.checkpoint() };
  }

  campaign(campaignId: string, hours: number) {
    return campaignDashboard(this.readModels, campaignId, { ...this.moment(), hours, online: this.online() });
  }

  overview() {
    const volunteers = [...this.online()].filter((id) => findPerson(this.readModels, id)?.role === 'volunteer').length;
    return organizationOverview(this.readModels, { ...this.moment(), volunteersOnline: volunteers });
  }

  home(personId: string, since: string | undefined) {
    const moment = this.moment();
    return volunteerHome(this.readModels, personId, { ...moment, since: since ?? startOfDay(moment.now) });
  }

  /** A topic's view as pushed; undefined for a campaign that does not exist. */
  push(topic: DashboardTopic, since?: string): DashboardPush | undefined {
    if (topic === 'overview') return { kind: 'overview', topic, view: this.overview() };
    if (topic.startsWith('home:')) return { kind: 'home', topic, view: this.home(topic.slice('home:'.length), since) };
    const view = this.campaign(topic.slice('dashboard:'.length), PUSHED_HOURS);
    return view && { kind: 'campaign', topic, view };
  }
}
