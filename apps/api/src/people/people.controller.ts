import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChangeRoleRequest, CommandAccepted, PeopleList } from '@textbank/contracts';
import type { ChangeRole, ReinstatePerson, SuspendPerson } from '@textbank/domain';
import { listPeople, personViewOf, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Sessions } from '../auth/sessions.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { ManagePersonCommand } from './manage-person.command.js';

class ChangeRoleDto extends createZodDto(ChangeRoleRequest) {}
class PeopleListDto extends createZodDto(PeopleList) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/** Everyone in the organization, and what admins may do to them. */
@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly dispatch: CommandDispatch,
    private readonly sessions: Sessions,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access(...READERS)
  @ApiOkResponse({ type: PeopleListDto })
  list(): PeopleList {
    const position = this.projections.checkpoint().toString();
    const lastActive = this.sessions.lastActiveByPerson();
    return { people: listPeople(this.readModels).map((p) => personViewOf(p, lastActive.get(p.id) ?? null)), position };
  }

  @Patch(':id/role')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  changeRole(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeRoleDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const expected = body.expectedRevision === undefined ? undefined : BigInt(body.expectedRevision);
    return this.manage(request, principal, (by, now): ChangeRole => ({ type: 'ChangeRole', personId: id, role: body.role, by, now }), expected);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  suspend(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.manage(request, principal, (by, now): SuspendPerson => ({ type: 'SuspendPerson', personId: id, by, now }));
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  reinstate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.manage(request, principal, (by, now): ReinstatePerson => ({ type: 'ReinstatePerson', personId: id, by, now }));
  }

  private manage(
    request: Request,
    principal: Principal,
    make: (by: { personId: string; role: Principal['person']['role'] }, now: string) => ChangeRole | SuspendPerson | ReinstatePerson,
    expectedRevision?: bigint,
  ) {
    const envelope = envelopeFrom(request, principal, this.clock());
    const command = make({ personId: principal.person.id, role: principal.person.role }, envelope.now.toISOString());
    return this.dispatch.accepted(new ManagePersonCommand(command, envelope, expectedRevision), command.personId);
  }
}
