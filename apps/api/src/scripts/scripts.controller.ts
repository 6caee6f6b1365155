import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandAccepted, ReviseScriptRequest, ScriptPage, ScriptPreview, ScriptPreviewRequest } from '@textbank/contracts';
import { findScript, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { CampaignMergeFields } from './campaign-merge-fields.js';
import { previewScript, realSampleContacts } from './preview-script/script-preview.js';
import { ReviseScriptCommand } from './revise-script/revise-script.command.js';
import { campaignOrNotFound } from '../campaigns/campaign-or-not-found.js';

class ReviseScriptDto extends createZodDto(ReviseScriptRequest) {}
class ScriptPreviewRequestDto extends createZodDto(ScriptPreviewRequest) {}
class ScriptPageDto extends createZodDto(ScriptPage) {}
class ScriptPreviewDto extends createZodDto(ScriptPreview) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

@ApiTags('scripts')
@Controller('campaigns/:id/script')
export class ScriptsController {
  constructor(
    private readonly dispatch: CommandDispatch,
    private readonly mergeFields: CampaignMergeFields,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The current version, the merge fields the campaign allows, and the position to follow 'campaign:<id>' from. */
  @Get()
  @Access(...READERS)
  @ApiOkResponse({ type: ScriptPageDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): ScriptPage {
    const position = this.projections.checkpoint().toString();
    this.campaignOrNotFound(id);
    return { ...findScript(this.readModels, id), allowedMergeFields: this.mergeFields.allowed(id), position };
  }

  /** Saves the variants as the script's next version (nothing when they did not change). */
  @Put()
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ description: 'expectedRevision is stale: someone else saved the script first' })
  revise(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReviseScriptDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    return this.dispatch.accepted(new ReviseScriptCommand(id, body, envelopeFrom(request, principal, this.clock())), id);
  }

  /** Renders the current script for the contacts given, or for the campaign's own contacts (and one with empty fields). Changes nothing. */
  @Post('preview')
  @HttpCode(200)
  @Access(...READERS)
  @ApiOkResponse({ type: ScriptPreviewDto })
  preview(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ScriptPreviewRequestDto, @CurrentPrincipal() principal: Principal): ScriptPreview {
    this.campaignOrNotFound(id);
    const contacts = body.contacts ?? realSampleContacts(this.readModels, id, this.mergeFields.allowed(id));
    const texterFirstName = body.texterFirstName ?? principal.person.name.split(/\s+/)[0] ?? '';
    return previewScript(findScript(this.readModels, id), contacts, texterFirstName);
  }

  private campaignOrNotFound(id: string): void {
    campaignOrNotFound(this.readModels, id);
  }
}
