import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CampaignList, CampaignPage, CommandAccepted, CreateCampaignRequest, UpdateCampaignRequest } from '@textbank/contracts';
import { listCampaigns, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom, newIdFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { ChangeCampaignDetailsCommand } from './change-campaign-details/change-campaign-details.command.js';
import { CreateCampaignCommand } from './create-campaign/create-campaign.command.js';
import { campaignOrNotFound } from './campaign-or-not-found.js';

class CreateCampaignDto extends createZodDto(CreateCampaignRequest) {}
class UpdateCampaignDto extends createZodDto(UpdateCampaignRequest) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}
class CampaignPageDto extends createZodDto(CampaignPage) {}
class CampaignListDto extends createZodDto(CampaignList) {}

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly dispatch: CommandDispatch,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access(...READERS)
  @ApiOkResponse({ type: CampaignListDto })
  list(): CampaignList {
    // Position first: the list is at least this fresh, so a socket sync from it misses nothing.
    const position = this.projections.checkpoint().toString();
    return { campaigns: listCampaigns(this.readModels), position };
  }

  @Get(':id')
  @Access(...READERS)
  @ApiOkResponse({ type: CampaignPageDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): CampaignPage {
    const position = this.projections.checkpoint().toString();
    const campaign = campaignOrNotFound(this.readModels, id);
    // With the read models' position, so the page can follow 'campaign:<id>' live from here.
    return { ...campaign, position };
  }

  /** Answers once the read models include the new campaign, so a GET right after sees it. */
  @Post()
  @Access(...STAFF)
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  async create(@Body() body: CreateCampaignDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const envelope = envelopeFrom(request, principal, this.clock());
    const id = newIdFrom(envelope);
    return this.dispatch.accepted(new CreateCampaignCommand(id, principal.organization.id, body, envelope), id);
  }

  @Patch(':id')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: 'expectedRevision is stale: someone else changed the campaign first' })
  async change(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateCampaignDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ) {
    return this.dispatch.accepted(new ChangeCampaignDetailsCommand(id, body, envelopeFrom(request, principal, this.clock())), id);
  }
}
