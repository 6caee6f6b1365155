import { Body, Controller, Get, Inject, NotFoundException, GoneException, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiGoneResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PasswordResetPreview, ResetPasswordRequest } from '@textbank/contracts';
import { findPerson } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access } from '../auth/access.decorator.js';
import { SessionViewDto } from '../auth/dto.js';
import { PasswordResets } from '../auth/password-resets.js';
import { SessionStarter } from '../auth/session-starter.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { rejectionToHttp } from '../http/command-response.js';
import { CLOCK, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { ResetPasswordCommand } from './password-reset.commands.js';
import type { ResetOutcome } from './reset-password.handler.js';

class ResetPasswordDto extends createZodDto(ResetPasswordRequest) {}
class PasswordResetPreviewDto extends createZodDto(PasswordResetPreview) {}

/** Public: where a reset link lands. The token is the only credential. */
@ApiTags('session')
@Controller('password-reset')
export class PasswordResetController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly resets: PasswordResets,
    private readonly sessionStarter: SessionStarter,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':token')
  @Access('public')
  @ApiOkResponse({ type: PasswordResetPreviewDto })
  @ApiGoneResponse({ description: 'Expired or already used' })
  preview(@Param('token') token: string): PasswordResetPreview {
    const found = this.resets.find(token, this.clock().getTime());
    if (!found.ok) {
      if (found.reason === 'unknown') throw new NotFoundException('This reset link is not valid. Check that it was copied whole.');
      throw new GoneException(found.reason === 'used' ? 'This reset link was already used.' : 'This reset link has expired. Ask an organizer for a new one.');
    }
    const person = findPerson(this.readModels, found.personId);
    if (!person) throw new NotFoundException('This reset link is not valid.');
    return { name: person.name, email: person.email };
  }

  /** Sets the new password, ends every other session of the person, and signs them in here. */
  @Post(':token')
  @Access('public')
  @ApiCreatedResponse({ type: SessionViewDto })
  async reset(@Param('token') token: string, @Body() body: ResetPasswordDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const envelopeFor = (person: { id: string; name: string }) => envelopeFrom(request, { person }, this.clock(), { honourKey: false });
    const outcome = await this.commandBus.execute<ResetPasswordCommand, ResetOutcome>(new ResetPasswordCommand(token, body.password, envelopeFor));
    if (!outcome.ok) throw rejectionToHttp(outcome.rejection);
    return this.sessionStarter.startAfter(outcome.position, outcome.personId!, response);
  }
}
