import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChangeEmailRequest, ChangeRoleRequest, CommandAccepted, PasswordResetLink, PeopleList } from '@textbank/contracts';
import type { RosterCommand } from '@textbank/domain';
import { listPeople, personViewOf, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Credentials } from '../auth/credentials.js';
import { Sessions } from '../auth/sessions.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { ManagePersonCommand } from './manage-person.command.js';
import { ChangeEmailCommand, IssuePasswordResetCommand } from '../password-reset/password-reset.commands.js';
import type { ResetLinkOutcome } from '../password-reset/issue-password-reset.handler.js';

class ChangeRoleDto extends createZodDto(ChangeRoleRequest) {}
class ChangeEmailDto extends createZodDto(ChangeEmailRequest) {}
class PasswordResetLinkDto extends createZodDto(PasswordResetLink) {}
class PeopleListDto extends createZodDto(PeopleList) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/** Everyone in the organization, and what admins may do to them. */
@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly dispatch: CommandDispatch,
    private readonly sessions: Sessions,
    private readonly credentials: Credentials,
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
    return {
      people: listPeople(this.readModels).map((p) => ({ ...personViewOf(p, lastActive.get(p.id) ?? null), signedIn: this.credentials.everSignedIn(p.id) })),
      position,
    };
  }

  @Patch(':id/role')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  changeRole(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeRoleDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.manage(request, principal, { type: 'ChangeRole', personId: id, role: body.role, ...(body.expectedRevision !== undefined && { expectedVersion: body.expectedRevision }) });
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  suspend(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.manage(request, principal, { type: 'SuspendPerson', personId: id });
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  reinstate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.manage(request, principal, { type: 'ReinstatePerson', personId: id });
  }

  /** Only for members who never signed in (someone took an address by mistake); everyone else is suspended instead. */
  @Delete(':id')
  @HttpCode(200)
  @Access('owner')
  @ApiOkResponse({ type: CommandAcceptedDto })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.manage(request, principal, { type: 'RemoveMember', personId: id, signedIn: this.credentials.everSignedIn(id) });
  }

  /** Corrects a member's email (say, someone took an address an admin invite needs): frees the old one. */
  @Patch(':id/email')
  @Access('owner')
  @ApiOkResponse({ type: CommandAcceptedDto })
  changeEmail(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeEmailDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new ChangeEmailCommand(id, body.email, envelopeFrom(request, principal, this.clock())), id);
  }

  /** A one-time link (a day) to set a new password, for the organizer to pass on: shown once, only its hash kept. */
  @Post(':id/password-reset')
  @Access(...STAFF)
  @ApiCreatedResponse({ type: PasswordResetLinkDto })
  async passwordReset(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<PasswordResetLink> {
    // A new secret each time: a repeated request makes a new link rather than replaying one.
    const envelope = envelopeFrom(request, principal, this.clock(), { honourKey: false });
    const outcome = await this.dispatch.commandBus.execute<IssuePasswordResetCommand, ResetLinkOutcome>(
      new IssuePasswordResetCommand(principal.organization.id, id, principal.person.id, envelope),
    );
    await this.dispatch.readable(outcome, id);
    return { token: outcome.token!, path: `/#/reset/${outcome.token}`, expiresAt: outcome.expiresAt! };
  }

  private manage(request: Request, principal: Principal, change: Change) {
    const envelope = envelopeFrom(request, principal, this.clock());
    const command = { ...change, by: principal.person.id, now: envelope.now.toISOString() } as ManagePersonCommand['change'];
    return this.dispatch.accepted(new ManagePersonCommand(principal.organization.id, command, envelope), change.personId);
  }
}

type Change = DistributiveOmit<RosterCommand, 'joined' | 'by' | 'now'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
