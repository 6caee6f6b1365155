import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ArchiveTagRequest, ChangeTagRequest, CommandAccepted, CreateTagRequest, TagList } from '@textbank/contracts';
import { listTags, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom, newIdFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { ArchiveTagCommand } from './archive-tag/archive-tag.command.js';
import { ChangeTagCommand } from './change-tag/change-tag.command.js';
import { CreateTagCommand } from './create-tag/create-tag.command.js';

class CreateTagDto extends createZodDto(CreateTagRequest) {}
class ChangeTagDto extends createZodDto(ChangeTagRequest) {}
class ArchiveTagDto extends createZodDto(ArchiveTagRequest) {}
class TagListDto extends createZodDto(TagList) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/**
 * The organization's tags. Staff write, auditors read; volunteers will see
 * only the tags their campaign offers, with their conversations (next issue).
 */
@ApiTags('tags')
@Controller('tags')
export class TagsController {
  constructor(
    private readonly dispatch: CommandDispatch,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access(...READERS)
  @ApiOkResponse({ type: TagListDto })
  list(): TagList {
    const position = this.projections.checkpoint().toString();
    return { tags: listTags(this.readModels), position };
  }

  @Post()
  @Access(...STAFF)
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: 'Another tag has this name (compared ignoring case)' })
  create(@Body() body: CreateTagDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const envelope = envelopeFrom(request, principal, this.clock());
    const id = newIdFrom(envelope);
    return this.dispatch.accepted(new CreateTagCommand(id, principal.organization.id, body, envelope), id);
  }

  @Patch(':id')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: "expectedRevision is stale (the tag's own), the name is taken, or the tag is archived" })
  change(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeTagDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new ChangeTagCommand(id, principal.organization.id, body, envelopeFrom(request, principal, this.clock())), id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  archive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ArchiveTagDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new ArchiveTagCommand(id, principal.organization.id, body, envelopeFrom(request, principal, this.clock())), id);
  }
}
