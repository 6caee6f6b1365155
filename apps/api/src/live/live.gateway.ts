import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { SOCKET_EVENTS, SyncRequest, type Change, type SyncReply, type Topic } from '@textbank/contracts';
import type { EventStore } from '@textbank/event-store';
import { campaignChangeSince, campaignChangesSince, conversationChangesSince, findOrganization, peopleChangesSince, surveyChangeSince, tagChangesSince, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import cookieParser from 'cookie-parser';
import type { Request } from 'express';
import type { Server, Socket } from 'socket.io';
import { READERS } from '../auth/access.decorator.js';
import { Authenticator } from '../auth/authenticator.js';
import { sessionDigest, Sessions } from '../auth/sessions.js';
import { UploadProgressFeed } from '../contacts/upload-progress-feed.js';
import type { Principal } from '../auth/principal.js';
import { sessionTokenFrom } from '../auth/session-cookie.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { eventLogSince } from '../event-log/read-event-log.js';
import { EVENT_STORE, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { isCrossSite } from './same-origin.js';
import { personRoom, roomOf, sessionRoom, topicsOf } from './topic-rooms.js';

type LiveSocket = Socket & { data: { principal?: Principal } };

/** Replayed changes per sync are bounded; a client further behind reloads its screen. */
const REPLAY_LIMIT = 5000;

/**
 * Pushes read-model changes to the rooms that may see them, after the batch
 * that made them has committed. A client syncs on every connect with the last
 * position it applied and gets what it missed up to the runner's checkpoint;
 * the rooms are joined at that same checkpoint, so each change reaches it
 * exactly once, either replayed or live.
 */
@WebSocketGateway({ serveClient: false, allowRequest: (request, callback) => callback(null, !isCrossSite(request.headers)) })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown {
  @WebSocketServer() private readonly server: Server;
  private stopListening: (() => void) | undefined;
  private stopSessions: (() => void) | undefined;
  private stopProgress: (() => void) | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private organizationId: string | undefined;

  constructor(
    private readonly authenticator: Authenticator,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly sessions: Sessions,
    private readonly uploadProgress: UploadProgressFeed,
  ) {}

  afterInit(server: Server): void {
    // Sockets live no longer than their session: sign-out and suspension close them at once,
    // and a sweep closes those whose session expired or whose person changed.
    this.stopSessions = this.sessions.onEnded((ended) => {
      server.in('digest' in ended ? sessionRoom(ended.digest) : personRoom(ended.personId)).disconnectSockets(true);
    });
    // Expiry, role changes and suspensions that nothing announced are found by the sweep (config.socketSweepMs, 30 s).
    this.sweepTimer = setInterval(() => this.sweep(), this.config.socketSweepMs).unref();
    server.engine.use(cookieParser());
    server.use((socket: LiveSocket, next) => {
      const principal = this.authenticator.authenticate(sessionTokenFrom(socket.request as Request, this.config.cookieSecure), 'check');
      if (!principal) return next(new Error('unauthorized'));
      socket.data.principal = principal;
      next();
    });
    this.stopProgress = this.uploadProgress.subscribe((organizationId, progress) =>
      server.to(roomOf(organizationId, `campaign:${progress.campaignId}`)).emit(SOCKET_EVENTS.uploadProgress, progress),
    );
    this.stopListening = this.projections.onChanges((changes, _position, resync) => {
      if (!resync) return this.push(changes);
      // Caught up silently: nothing was pushed, and no suspension or role change was acted on.
      this.sweep();
      this.server.emit(SOCKET_EVENTS.resync);
    });
  }

  handleConnection(socket: LiveSocket): void {
    this.metrics.sockets.inc();
    // Each person's sockets share a room, so a suspension or role change can reach all of them.
    const principal = socket.data.principal;
    if (principal) void socket.join([personRoom(principal.person.id), sessionRoom(sessionDigest(principal.sessionToken))]);
  }

  handleDisconnect(): void {
    this.metrics.sockets.dec();
  }

  onApplicationShutdown(): void {
    this.stopListening?.();
    this.stopSessions?.();
    this.stopProgress?.();
    clearInterval(this.sweepTimer);
  }

  /** Closes every socket whose session ended or whose person is no longer who it was at the handshake. */
  private sweep(): void {
    for (const socket of this.server.of('/').sockets.values() as IterableIterator<LiveSocket>) {
      if (!this.stillValid(socket)) socket.disconnect(true);
    }
  }

  private stillValid(socket: LiveSocket): boolean {
    const known = socket.data.principal;
    // A check, not activity: sweeps and syncs must not keep an idle tab's session alive.
    const current = known && this.authenticator.authenticate(known.sessionToken, 'check');
    return !!current && current.person.role === known.person.role;
  }

  @SubscribeMessage('sync')
  async sync(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SyncReply> {
    if (!this.stillValid(socket)) {
      // After the answer has gone out: the client learns why before the socket closes.
      setTimeout(() => socket.disconnect(true), 100);
      return { ok: false, error: 'Your session has ended; sign in again' };
    }
    const principal = socket.data.principal!;
    const request = SyncRequest.safeParse(body);
    if (!request.success) return { ok: false, error: request.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
    // Anyone may follow their own conversations; everything else is for owners, admins and auditors.
    const refused = request.data.topics.filter((topic) => topic !== `texter:${principal.person.id}` && !READERS.includes(principal.person.role));
    if (refused.length > 0) return { ok: false, error: `A ${principal.person.role} may not follow ${refused.join(', ')}` };
    const since = BigInt(request.data.since);
    // Read-model replays and room joins happen in this one synchronous step, at
    // checkpoint C: every later push carries a position above C.
    const checkpoint = this.projections.checkpoint();
    const changes: Change[] = [];
    for (const topic of request.data.topics) {
      if (topic !== 'event-log') changes.push(...this.replay(topic, since));
      void socket.join(roomOf(principal.organization.id, topic));
    }
    // The log is read from the store, up to C only; pushes after C may reach the
    // client before this answer, and the client merges them by position.
    let complete = true;
    if (request.data.topics.includes('event-log')) {
      const missed = await eventLogSince(this.store, since, checkpoint, REPLAY_LIMIT);
      complete = missed.length < REPLAY_LIMIT;
      changes.push(...missed.map((entry): Change => ({ kind: 'event.appended', topic: 'event-log', position: entry.position, payload: entry })));
    }
    changes.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
    return { ok: true, changes, position: checkpoint.toString(), complete };
  }

  private replay(topic: Exclude<Topic, 'event-log'>, since: bigint): Change[] {
    if (topic === 'campaigns') return campaignChangesSince(this.readModels, since);
    if (topic === 'people') return this.withLastActive(peopleChangesSince(this.readModels, since));
    if (topic === 'tags') return tagChangesSince(this.readModels, since);
    if (topic.startsWith('texter:') || topic.startsWith('review:')) return conversationChangesSince(this.readModels, topic as `texter:${string}` | `review:${string}`, since);
    const campaignId = topic.slice('campaign:'.length);
    return [...campaignChangeSince(this.readModels, campaignId, since), ...surveyChangeSince(this.readModels, campaignId, since)];
  }

  private push(changes: readonly Change[]): void {
    // One organization per installation: every change belongs to it.
    const organizationId = (this.organizationId ??= findOrganization(this.readModels)?.id);
    if (!this.server || !organizationId) return;
    const rooms = this.server.of('/').adapter.rooms;
    for (const change of this.withLastActive(changes)) {
      // Each room hears the change under its own topic (a campaign's page follows 'campaign:<id>').
      for (const topic of topicsOf(change)) {
        const room = roomOf(organizationId, topic);
        // Nobody following (a review screen nobody has open): skip encoding a packet for no one.
        if (rooms.has(room)) this.server.to(room).emit(SOCKET_EVENTS.change, { ...change, topic });
      }
      if (change.kind === 'person.upserted') this.rescope(change.payload.id);
    }
  }

  /**
   * A suspended person's sockets end at once; after a role change they are
   * disconnected too, and reconnect under the new role (rooms are joined
   * again by sync, which checks it). The same rule as the sweep's, for one person.
   */
  private rescope(personId: string): void {
    for (const id of this.server.of('/').adapter.rooms.get(personRoom(personId)) ?? []) {
      const socket = this.server.of('/').sockets.get(id) as LiveSocket | undefined;
      if (socket && !this.stillValid(socket)) socket.disconnect(true);
    }
  }

  /** Last activity lives with the sessions, not in the read model. */
  private withLastActive(changes: readonly Change[]): Change[] {
    if (!changes.some((c) => c.kind === 'person.upserted')) return [...changes];
    const lastActive = this.sessions.lastActiveByPerson();
    return changes.map((c) => (c.kind === 'person.upserted' ? { ...c, payload: { ...c.payload, lastActiveAt: lastActive.get(c.payload.id) ?? null } } : c));
  }
}
