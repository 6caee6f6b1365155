import { Body, Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandAccepted, CreateInviteRequest, InviteCreated, InviteLink, InviteList } from '@textbank/contracts';
import { newEventId } from '@textbank/event-store';
import { findInvite, inviteStatusOf, listInvites, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { Access, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import type { InviteOutcome } from './create-invite.handler.js';
import { CreateInviteCommand, RenewInviteLinkCommand, RevokeInviteCommand } from './invite.commands.js';
import { InviteTokens } from './invite-tokens.js';

class InviteCreatedDto extends createZodDto(InviteCreated) {}
class InviteListDto extends createZodDto(InviteList) {}
class InviteLinkDto extends createZodDto(InviteLink) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/** Invite links, managed by owners and admins. */
@ApiTags('invites')
@Controller('invites')
export class InvitesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly dispatch: CommandDispatch,
    private readonly tokens: InviteTokens,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access(...STAFF)
  @ApiOkResponse({ type: InviteListDto })
  list(): InviteList {
    const position = this.projections.checkpoint().toString();
    return { invites: listInvites(this.readModels, this.clock()), position };
  }

  /** The link (its token) is in this answer only: it is stored as a hash. */
  @Post()
  @Access(...STAFF)
  @ApiCreatedResponse({ type: InviteCreatedDto })
  // A union of two shapes (volunteer link, named invite): validated by its schema directly.
  @ApiBody({ schema: z.toJSONSchema(CreateInviteRequest, { io: 'input' }) as object })
  async create(@Body(new ZodValidationPipe(CreateInviteRequest)) body: CreateInviteRequest, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<InviteCreated> {
    const id = newEventId();
    // The link's secret is shown once: a repeated request makes a new invite rather than replaying one.
    const envelope = envelopeFrom(request, principal, this.clock(), { honourKey: false });
    const outcome = await this.commandBus.execute<CreateInviteCommand, InviteOutcome>(new CreateInviteCommand(id, principal.organization.id, body, envelope));
    const accepted = await this.dispatch.readable(outcome, id);
    return { ...accepted, ...linkOf(outcome.token!) };
  }

  /** A volunteer link again, while it is open (organizers re-share one link all night). Named invites: renew instead. */
  @Get(':id/link')
  @Access(...STAFF)
  @ApiOkResponse({ type: InviteLinkDto })
  link(@Param('id', new ParseUUIDPipe()) id: string): InviteLink {
    const invite = findInvite(this.readModels, id);
    const token = invite && inviteStatusOf(invite, this.clock()) === 'open' ? this.tokens.keptToken(id) : undefined;
    if (!token) throw new NotFoundException('No open volunteer link with this id (a named invite\'s link is shown only when made or renewed)');
    return linkOf(token);
  }

  /** A fresh secret for the same invite: the old link stops working at once; uses and limits stay. */
  @Post(':id/renew')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: InviteCreatedDto })
  async renew(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<InviteCreated> {
    // A new secret each time: a repeated request renews again rather than replaying the last one.
    const envelope = envelopeFrom(request, principal, this.clock(), { honourKey: false });
    const outcome = await this.commandBus.execute<RenewInviteLinkCommand, InviteOutcome>(new RenewInviteLinkCommand(id, envelope));
    const accepted = await this.dispatch.readable(outcome, id);
    return { ...accepted, ...linkOf(outcome.token!) };
  }

  @Delete(':id')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new RevokeInviteCommand(id, envelopeFrom(request, principal, this.clock())), id);
  }
}

const linkOf = (token: string): InviteLink => ({ token, path: `/#/join/${token}` });
