import { Body, Controller, Delete, Get, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandAccepted, CreateInviteRequest, InviteCreated, InviteList } from '@textbank/contracts';
import { newEventId } from '@textbank/event-store';
import { listInvites, type ProjectionRunner } from '@textbank/projections';
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
import { CreateInviteCommand, RevokeInviteCommand } from './invite.commands.js';

class InviteCreatedDto extends createZodDto(InviteCreated) {}
class InviteListDto extends createZodDto(InviteList) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/** Invite links, managed by owners and admins. */
@ApiTags('invites')
@Controller('invites')
export class InvitesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly dispatch: CommandDispatch,
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
    return { ...accepted, token: outcome.token!, path: `/#/join/${outcome.token}` };
  }

  @Delete(':id')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new RevokeInviteCommand(id, envelopeFrom(request, principal, this.clock())), id);
  }
}
