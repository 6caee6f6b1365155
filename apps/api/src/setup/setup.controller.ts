import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SetupOrganizationRequest, SetupStatus } from '@textbank/contracts';
import { newEventId } from '@textbank/event-store';
import type { EventStore } from '@textbank/event-store';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access } from '../auth/access.decorator.js';
import { SessionViewDto } from '../auth/dto.js';
import { SessionStarter } from '../auth/session-starter.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { rejectionToHttp } from '../http/command-response.js';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { SetUpOrganizationCommand } from './set-up-organization.command.js';
import { organizationCreated } from './the-organization.js';

class SetupOrganizationDto extends createZodDto(SetupOrganizationRequest) {}
class SetupStatusDto extends createZodDto(SetupStatus) {}

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly sessionStarter: SessionStarter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access('public')
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatus> {
    return { needed: !(await organizationCreated(this.store)) };
  }

  /** Open to the anonymous only until an organization exists (read from the log); then a 409, forever. */
  @Post()
  @Access('public')
  @ApiCreatedResponse({ type: SessionViewDto })
  async setUp(@Body() body: SetupOrganizationDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const personId = newEventId();
    const envelope = envelopeFrom(request, { person: { id: personId, name: body.name } }, this.clock(), { honourKey: false });
    const outcome = await this.commandBus.execute<SetUpOrganizationCommand, CommandOutcome>(
      new SetUpOrganizationCommand(body, personId, envelope),
    );
    if (!outcome.ok) throw rejectionToHttp(outcome.rejection);
    return this.sessionStarter.startAfter(outcome.position, personId, response);
  }
}
