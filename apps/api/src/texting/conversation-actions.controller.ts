import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  MoveConversationsRequest,
  MoveConversationsResult,
  RecordAnswerRequest,
  TagConversationRequest,
  TextingKit,
  type CommandAccepted,
} from '@textbank/contracts';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, STAFF, TEXTERS } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { campaignOrNotFound } from '../campaigns/campaign-or-not-found.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { activeTexterOrNotFound } from './active-texter.js';
import { ConversationActions } from './conversation-actions.service.js';

class TagDto extends createZodDto(TagConversationRequest) {}
class AnswerDto extends createZodDto(RecordAnswerRequest) {}
class MoveDto extends createZodDto(MoveConversationsRequest) {}
class MoveResultDto extends createZodDto(MoveConversationsResult) {}
class TextingKitDto extends createZodDto(TextingKit) {}

/** Survey answers, tags and closing on a conversation; the texter's kit; an admin's bulk move. */
@ApiTags('texting')
@Controller()
export class ConversationActionsController {
  constructor(
    private readonly actions: ConversationActions,
    private readonly dispatch: CommandDispatch,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Record the contact's answer to a survey question (its tag, if it has one, comes with it), or take it back with answerId null. */
  @Post('conversations/:contactId/answers')
  @HttpCode(200)
  @Access(...TEXTERS)
  answer(@Param('contactId') contactId: string, @Body() body: AnswerDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    return this.act(contactId, principal, request, { type: 'RecordSurveyAnswer', questionId: body.questionId, answerId: body.answerId });
  }

  @Post('conversations/:contactId/tags')
  @HttpCode(200)
  @Access(...TEXTERS)
  tag(@Param('contactId') contactId: string, @Body() body: TagDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    return this.act(contactId, principal, request, { type: 'TagConversation', tagId: body.tagId, applied: body.applied });
  }

  /** Nothing more to say: off the needs-reply list (and the waiting-replies cap) until the contact writes again. */
  @Post('conversations/:contactId/close')
  @HttpCode(200)
  @Access(...TEXTERS)
  close(@Param('contactId') contactId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    return this.act(contactId, principal, request, { type: 'CloseConversation' });
  }

  /** Campaign name and hours, canned responses, survey and tags: what a texter needs beside the thread. */
  @Get('campaigns/:id/texting/kit')
  @Access(...TEXTERS, 'auditor')
  @ApiOkResponse({ type: TextingKitDto })
  kit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): TextingKit {
    const kit = this.actions.kit(principal, campaignOrNotFound(this.readModels, id));
    if (!kit) throw new NotFoundException(`No campaign ${id} to text in`);
    return kit;
  }

  /** Move a texter's conversations by status and tag to another texter or to nobody; `preview` counts them first. */
  @Post('campaigns/:id/assignments/move')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: MoveResultDto })
  async move(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MoveDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<MoveConversationsResult> {
    campaignOrNotFound(this.readModels, id);
    if (body.toTexterId !== null) activeTexterOrNotFound(this.readModels, body.toTexterId, 'toTexterId');
    const result = await this.actions.move(id, body, envelopeFrom(request, principal, this.clock()));
    if (!result.outcome) return { matched: result.matched, moved: 0, position: '0' };
    const accepted = await this.dispatch.readable(result.outcome, id);
    return { matched: result.matched, moved: result.moved, position: accepted.position };
  }

  private async act(contactId: string, principal: Principal, request: Request, act: Parameters<ConversationActions['act']>[2]): Promise<CommandAccepted> {
    const outcome = await this.actions.act(principal, contactId, act, envelopeFrom(request, principal, this.clock()));
    if (!outcome) throw new NotFoundException(`No conversation ${contactId} of yours`);
    return this.dispatch.readable(outcome, contactId);
  }
}
