import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CampaignTags, ChooseCampaignTagsRequest, CommandAccepted, SaveSurveyRequest, SurveyPage } from '@textbank/contracts';
import { findSurvey, findTags, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { ChooseCampaignTagsCommand } from './choose-campaign-tags/choose-campaign-tags.command.js';
import { SaveSurveyCommand } from './save-survey/save-survey.command.js';
import { campaignOrNotFound } from '../campaigns/campaign-or-not-found.js';

class ChooseCampaignTagsDto extends createZodDto(ChooseCampaignTagsRequest) {}
class SaveSurveyDto extends createZodDto(SaveSurveyRequest) {}
class CampaignTagsDto extends createZodDto(CampaignTags) {}
class SurveyPageDto extends createZodDto(SurveyPage) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/**
 * A campaign's survey questions and the tags its texters may apply: one
 * stream, one revision for both (an answer may apply only a chosen tag).
 * Staff edit, auditors read; volunteers get them with their conversations (next issue).
 */
@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignSurveyController {
  constructor(
    private readonly dispatch: CommandDispatch,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/tags')
  @Access(...READERS)
  @ApiOkResponse({ type: CampaignTagsDto })
  tags(@Param('id', new ParseUUIDPipe()) id: string): CampaignTags {
    const position = this.projections.checkpoint().toString();
    const { tagIds, revision } = this.survey(id);
    return { campaignId: id, tagIds, tags: findTags(this.readModels, tagIds), revision, position };
  }

  @Put(':id/tags')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: 'expectedRevision is stale, the survey applies a tag being dropped, or the campaign is archived' })
  chooseTags(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChooseCampaignTagsDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const envelope = envelopeFrom(request, principal, this.clock());
    return this.dispatch.accepted(new ChooseCampaignTagsCommand(id, principal.organization.id, body, envelope), id);
  }

  @Get(':id/survey')
  @Access(...READERS)
  @ApiOkResponse({ type: SurveyPageDto })
  getSurvey(@Param('id', new ParseUUIDPipe()) id: string): SurveyPage {
    const position = this.projections.checkpoint().toString();
    return { ...this.survey(id), position };
  }

  @Put(':id/survey')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: 'expectedRevision is stale: someone else changed the survey or the tags first' })
  saveSurvey(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SaveSurveyDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new SaveSurveyCommand(id, body, envelopeFrom(request, principal, this.clock())), id);
  }

  private survey(id: string) {
    campaignOrNotFound(this.readModels, id);
    return findSurvey(this.readModels, id);
  }
}
