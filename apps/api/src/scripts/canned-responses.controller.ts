import { BadRequestException, Body, Controller, Delete, Get, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CannedResponseList,
  CommandAccepted,
  CreateCannedResponseRequest,
  EditCannedResponseRequest,
  ReorderCannedResponsesRequest,
} from '@textbank/contracts';
import { listCannedResponses, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom, newIdFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { CreateCannedResponseCommand } from './create-canned-response/create-canned-response.command.js';
import { DeleteCannedResponseCommand } from './delete-canned-response/delete-canned-response.command.js';
import { EditCannedResponseCommand } from './edit-canned-response/edit-canned-response.command.js';
import { ReorderCannedResponsesCommand } from './reorder-canned-responses/reorder-canned-responses.command.js';
import { campaignOrNotFound } from '../campaigns/campaign-or-not-found.js';

class CreateCannedResponseDto extends createZodDto(CreateCannedResponseRequest) {}
class EditCannedResponseDto extends createZodDto(EditCannedResponseRequest) {}
class ReorderCannedResponsesDto extends createZodDto(ReorderCannedResponsesRequest) {}
class CannedResponseListDto extends createZodDto(CannedResponseList) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

const MAX_SEARCH = 200;
const badQuery = (path: string, message: string) => new BadRequestException({ message: `${path}: ${message}`, issues: [{ path, message }] });

@ApiTags('scripts')
@Controller('campaigns/:id/responses')
export class CannedResponsesController {
  constructor(
    private readonly dispatch: CommandDispatch,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** In order; `q` finds titles and bodies ignoring case and accents. */
  @Get()
  @Access(...READERS)
  @ApiQuery({ name: 'q', required: false })
  @ApiOkResponse({ type: CannedResponseListDto })
  list(@Param('id', new ParseUUIDPipe()) id: string, @Query('q') q?: unknown): CannedResponseList {
    if (q !== undefined && (typeof q !== 'string' || q.length > MAX_SEARCH)) throw badQuery('q', `must be one text of at most ${MAX_SEARCH} characters`);
    const position = this.projections.checkpoint().toString();
    campaignOrNotFound(this.readModels, id);
    return { responses: listCannedResponses(this.readModels, id, q), position };
  }

  @Post()
  @Access(...STAFF)
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  create(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateCannedResponseDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const envelope = envelopeFrom(request, principal, this.clock());
    const responseId = newIdFrom(envelope);
    return this.dispatch.accepted(new CreateCannedResponseCommand(id, responseId, body, envelope), responseId);
  }

  /** The whole list, each response once, in its new order. */
  @Put('order')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: 'the list changed (a response was added or deleted): reload it' })
  reorder(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReorderCannedResponsesDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new ReorderCannedResponsesCommand(id, body.order, envelopeFrom(request, principal, this.clock())), id);
  }

  @Patch(':responseId')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: 'expectedVersion is stale: someone else changed the response first' })
  edit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
    @Body() body: EditCannedResponseDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ) {
    return this.dispatch.accepted(new EditCannedResponseCommand(id, responseId, body, envelopeFrom(request, principal, this.clock())), responseId);
  }

  /** `expectedVersion` (optional): refuse with 409 if the response changed since the editor saw it. */
  @Delete(':responseId')
  @Access(...STAFF)
  @ApiQuery({ name: 'expectedVersion', required: false })
  @ApiOkResponse({ type: CommandAcceptedDto })
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Query('expectedVersion') expectedVersion?: unknown,
  ) {
    if (expectedVersion !== undefined && (typeof expectedVersion !== 'string' || !/^[1-9]\d{0,8}$/.test(expectedVersion))) {
      throw badQuery('expectedVersion', 'must be a version number (1 or more)');
    }
    const version = expectedVersion === undefined ? undefined : Number(expectedVersion);
    return this.dispatch.accepted(new DeleteCannedResponseCommand(id, responseId, version, envelopeFrom(request, principal, this.clock())), responseId);
  }
}
