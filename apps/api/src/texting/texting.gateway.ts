import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { SocketSend, type SocketSendReply } from '@textbank/contracts';
import type { ProjectionRunner } from '@textbank/projections';
import type { Socket } from 'socket.io';
import { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import type { CommandEnvelope } from '../commands/command-envelope.js';
import { keyedCommandId } from '../commands/envelope-from-request.js';
import { rejectionToHttp } from '../http/command-response.js';
import { TEXTERS } from '../auth/access.decorator.js';
import { CLOCK, PROJECTIONS, type Clock } from '../infrastructure/tokens.js';
import { isCrossSite } from '../live/same-origin.js';
import { TextingService } from './texting.service.js';

type TexterSocket = Socket & { data: { principal?: Principal } };


/**
 * Send over the browser's open socket, the ack being the answer, with the
 * next contact to show: the texter's hot path skips HTTP routing, cookies,
 * per-request logging and a second request for the next contact. Same
 * rules, same command, same gesture id as POST
 * /api/campaigns/:id/texting/send, which stays for scripts and fallback
 * (with GET texting/next).
 */
@WebSocketGateway({ serveClient: false, allowRequest: (request, callback) => callback(null, !isCrossSite(request.headers)) })
export class TextingGateway {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly texting: TextingService,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @SubscribeMessage('texting:send')
  async send(@ConnectedSocket() socket: TexterSocket, @MessageBody() body: unknown): Promise<SocketSendReply> {
    // The session is checked on every send (it may have ended since the socket opened), and counts as activity.
    const principal = socket.data.principal && this.authenticator.authenticate(socket.data.principal.sessionToken, 'request');
    if (!principal) return { ok: false, status: 401, message: 'Your session has ended; sign in again' };
    if (!TEXTERS.includes(principal.person.role)) return { ok: false, status: 403, message: `A ${principal.person.role} does not text` };
    const request = SocketSend.safeParse(body);
    if (!request.success) return { ok: false, status: 400, message: request.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
    const { campaignId, contactId, gestureId } = request.data;
    const commandId = keyedCommandId(principal.person.id, gestureId);
    const envelope: CommandEnvelope = { commandId, keyed: true, correlationId: commandId, actor: { id: principal.person.id, kind: 'person', name: principal.person.name }, now: this.clock() };
    try {
      const outcome = await this.texting.sendInitial(principal, campaignId, contactId, envelope);
      if (!outcome.ok) return { ok: false, status: rejectionToHttp(outcome.rejection).getStatus(), message: outcome.rejection.message };
      // Read your own write, as over HTTP; the next contact comes from the texting stream meanwhile.
      const [readable, next] = await Promise.all([this.projections.waitFor(outcome.position), this.texting.nextFromStream(principal, campaignId, this.clock(), outcome.hours)]);
      return { ok: true, id: outcome.messageId!, position: outcome.position.toString(), readable, next };
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (typeof status === 'number' && status < 500) return { ok: false, status, message: (error as Error).message };
      throw error;
    }
  }
}
