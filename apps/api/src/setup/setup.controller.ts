import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SetupOrganizationRequest, SetupStatus } from '@textbank/contracts';
import { newEventId } from '@textbank/event-store';
import { hasOwner } from '@textbank/projections';
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
import { SetUpOrganizationCommand } from './set-up-organization.command.js';

class SetupOrganizationDto extends createZodDto(SetupOrganizationRequest) {}
class SetupStatusDto extends createZodDto(SetupStatus) {}

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly sessionStarter: SessionStarter,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access('public')
  @ApiOkResponse({ type: SetupStatusDto })
  status(): SetupStatus {
    return { needed: !hasOwner(this.readModels) };
  }

  /** Open to the anonymous only while the organization has no owner; then a 409. */
  @Post()
  @Access('public')
  @ApiCreatedResponse({ type: SessionViewDto })
  async setUp(@Body() body: SetupOrganizationDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const personId = newEventId();
    const envelope = envelopeFrom(request, { person: { id: personId, name: body.name } }, this.clock(), { honourKey: false });
    const outcome = await this.commandBus.execute<SetUpOrganizationCommand, CommandOutcome>(
      new SetUpOrganizationCommand(body, newEventId(), personId, envelope),
    );
    if (!outcome.ok) throw rejectionToHttp(outcome.rejection);
    return this.sessionStarter.startAfter(outcome.position, personId, response);
  }
}
