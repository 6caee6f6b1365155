import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import { DASHBOARD_EVENTS, DashboardFollow, type DashboardFollowReply, type DashboardPush, type DashboardTopic } from '@textbank/contracts';
import { findOrganization, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Server, Socket } from 'socket.io';
import { READERS } from '../auth/access.decorator.js';
import { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { isCrossSite } from '../live/same-origin.js';
import { DashboardViews } from './dashboard-views.service.js';
import { PushPacer } from './push-pacer.js';

type DashboardSocket = Socket & { data: { principal?: Principal; daySince?: string } };

/** At most five updates a second per room: numbers move smoothly for the eye, never a second stale. */
export const PUSH_INTERVAL_MS = 100;
const HEARTBEAT_MS = 1000;
const ROOM_PREFIX = 'dash:';

/**
 * Live dashboards. A screen follows its topics with `dashboard:follow` (the
 * ack holds each view as it is, so nothing between a GET and the join is
 * lost); after each committed batch the views of rooms somebody joined are
 * read once per room, paced, and pushed whole when they differ from the last
 * push (the newest view replaces the last; nothing to replay on reconnect).
 */
@WebSocketGateway({ serveClient: false, allowRequest: (request, callback) => callback(null, !isCrossSite(request.headers)) })
export class DashboardGateway implements OnGatewayInit, OnApplicationShutdown {
  @WebSocketServer() private readonly server: Server;
  private readonly pacer = new PushPacer(() => this.flush(), PUSH_INTERVAL_MS, HEARTBEAT_MS);
  /** What each room heard last (without its clock): unchanged views are not sent again. */
  private readonly lastSent = new Map<string, string>();
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly views: DashboardViews,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  afterInit(server: Server): void {
    this.views.attach(server);
    this.stopListening = this.projections.onChanges(() => this.pacer.changed());
    this.pacer.start();
  }

  onApplicationShutdown(): void {
    this.stopListening?.();
    this.pacer.stop();
  }

  @SubscribeMessage(DASHBOARD_EVENTS.follow)
  follow(@ConnectedSocket() socket: DashboardSocket, @MessageBody() body: unknown): DashboardFollowReply {
    const principal = socket.data.principal && this.authenticator.authenticate(socket.data.principal.sessionToken, 'check');
    if (!principal) return { ok: false, error: 'Your session has ended; sign in again' };
    const request = DashboardFollow.safeParse(body);
    if (!request.success) return { ok: false, error: request.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
    // Everyone may follow their own home; campaign dashboards, the overview and others' homes are for owners, admins and auditors.
    const refused = request.data.topics.filter((topic) => topic !== `home:${principal.person.id}` && !READERS.includes(principal.person.role));
    if (refused.length > 0) return { ok: false, error: `A ${principal.person.role} may not follow ${refused.join(', ')}` };
    const views: DashboardPush[] = [];
    for (const topic of request.data.topics) {
      const view = this.views.push(topic, request.data.since);
      if (!view) return { ok: false, error: `No campaign ${topic.slice('dashboard:'.length)}` };
      views.push(view);
    }
    if (request.data.since) socket.data.daySince = request.data.since;
    void socket.join(request.data.topics.map((topic) => this.roomOf(principal.organization.id, topic)));
    return { ok: true, views };
  }

  /** A screen closed: its rooms are left, so nothing more is read or sent for it. */
  @SubscribeMessage(DASHBOARD_EVENTS.unfollow)
  unfollow(@ConnectedSocket() socket: DashboardSocket, @MessageBody() body: unknown): void {
    const principal = socket.data.principal;
    const request = DashboardFollow.safeParse(body);
    if (principal && request.success) for (const topic of request.data.topics) void socket.leave(this.roomOf(principal.organization.id, topic));
  }

  private roomOf(organizationId: string, topic: DashboardTopic) {
    return `${ROOM_PREFIX}${organizationId}:${topic}`;
  }

  /** One read per room somebody is in; rooms nobody joined cost nothing. */
  private flush(): void {
    const organizationId = findOrganization(this.readModels)?.id;
    if (!this.server || !organizationId) return;
    const prefix = `${ROOM_PREFIX}${organizationId}:`;
    const rooms = this.server.of('/').adapter.rooms;
    for (const room of this.lastSent.keys()) if (!rooms.has(room)) this.lastSent.delete(room);
    for (const [room, members] of rooms) {
      if (!room.startsWith(prefix) || members.size === 0) continue;
      const topic = room.slice(prefix.length) as DashboardTopic;
      const push = this.views.push(topic, this.daySinceOf(members));
      if (!push) continue;
      const { at: _at, position: _position, ...content } = push.view;
      const key = JSON.stringify(content);
      if (this.lastSent.get(room) === key) continue;
      this.lastSent.set(room, key);
      this.server.to(room).emit(DASHBOARD_EVENTS.push, push);
    }
  }

  /** A home's day as its first follower's browser reckons it. */
  private daySinceOf(members: ReadonlySet<string>): string | undefined {
    const [first] = members;
    return first === undefined ? undefined : (this.server.of('/').sockets.get(first) as DashboardSocket | undefined)?.data.daySince;
  }
}
