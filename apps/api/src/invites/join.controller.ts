import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiGoneResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvitePreview, JoinRequest } from '@textbank/contracts';
import { newEventId } from '@textbank/event-store';
import { findCampaign, findOrganization } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access } from '../auth/access.decorator.js';
import { SessionViewDto } from '../auth/dto.js';
import { SessionStarter } from '../auth/session-starter.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { rejectionToHttp } from '../http/command-response.js';
import { CLOCK, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { JoinThroughInviteCommand } from './invite.commands.js';
import { InviteLookup } from './invite-lookup.js';

class JoinDto extends createZodDto(JoinRequest) {}
class InvitePreviewDto extends createZodDto(InvitePreview) {}

/** Public: where an invite link lands. The token is the only credential. */
@ApiTags('invites')
@Controller('join')
export class JoinController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly lookup: InviteLookup,
    private readonly sessionStarter: SessionStarter,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':token')
  @Access('public')
  @ApiOkResponse({ type: InvitePreviewDto })
  @ApiGoneResponse({ description: 'Expired, revoked or used up: the message says which' })
  async preview(@Param('token') token: string): Promise<InvitePreview> {
    const found = await this.lookup.open(token, this.clock());
    if (!found.ok) throw rejectionToHttp(found.rejection);
    const { invite } = found;
    return {
      organizationName: findOrganization(this.readModels)?.name ?? '',
      role: invite.role,
      email: invite.email,
      campaignName: invite.campaignId ? (findCampaign(this.readModels, invite.campaignId)?.name ?? null) : null,
    };
  }

  /** Joins and signs in at once: texting within a minute of opening the link. */
  @Post(':token')
  @Access('public')
  @ApiCreatedResponse({ type: SessionViewDto })
  async join(@Param('token') token: string, @Body() body: JoinDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const personId = newEventId();
    const envelope = envelopeFrom(request, { person: { id: personId, name: body.name } }, this.clock(), { honourKey: false });
    const outcome = await this.commandBus.execute<JoinThroughInviteCommand, CommandOutcome>(new JoinThroughInviteCommand(token, personId, body, envelope));
    if (!outcome.ok) throw rejectionToHttp(outcome.rejection);
    return this.sessionStarter.startAfter(outcome.position, personId, response);
  }
}
