import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CampaignLifecycleRequest, CommandAccepted, LaunchChecklist, LaunchRefused } from '@textbank/contracts';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ArchiveCampaignCommand } from './archive-campaign/archive-campaign.command.js';
import { LaunchCampaignCommand } from './launch-campaign/launch-campaign.command.js';
import { LaunchChecklistReader } from './launch-checklist-reader.js';
import { PauseCampaignCommand } from './pause-campaign/pause-campaign.command.js';
import { ResumeCampaignCommand } from './resume-campaign/resume-campaign.command.js';

class LifecycleDto extends createZodDto(CampaignLifecycleRequest) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}
class LaunchChecklistDto extends createZodDto(LaunchChecklist) {}
class LaunchRefusedDto extends createZodDto(LaunchRefused) {}

type Step = new (campaignId: string, request: CampaignLifecycleRequest, envelope: ReturnType<typeof envelopeFrom>) => object;

/** draft → active → paused ⇄ active → archived. Staff act; auditors read the checklist. */
@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignLifecycleController {
  constructor(
    private readonly dispatch: CommandDispatch,
    private readonly checklists: LaunchChecklistReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** What a launch would say now, without launching. */
  @Get(':id/checklist')
  @Access(...READERS)
  @ApiOkResponse({ type: LaunchChecklistDto })
  async checklist(@Param('id', new ParseUUIDPipe()) id: string): Promise<LaunchChecklist> {
    const checklist = await this.checklists.checklist(id);
    if (!checklist) throw new NotFoundException(`No campaign ${id}`);
    return checklist;
  }

  @Post(':id/launch')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ type: LaunchRefusedDto, description: 'Not ready: the checklist says what is missing' })
  launch(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LifecycleDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.step(LaunchCampaignCommand, id, body, principal, request, response);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  pause(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LifecycleDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.step(PauseCampaignCommand, id, body, principal, request, response);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiConflictResponse({ type: LaunchRefusedDto, description: 'Not ready: the checklist says what is missing' })
  resume(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LifecycleDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.step(ResumeCampaignCommand, id, body, principal, request, response);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  archive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LifecycleDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.step(ArchiveCampaignCommand, id, body, principal, request, response);
  }

  /**
   * A refusal for want of something on the checklist answers 409 with the
   * checklist itself, so the page can show each missing item; written here
   * because the error filter keeps only message and issues.
   */
  private async step(Command: Step, id: string, body: CampaignLifecycleRequest, principal: Principal, request: Request, response: Response): Promise<CommandAccepted | LaunchRefused> {
    const outcome = await this.dispatch.commandBus.execute<object, CommandOutcome>(new Command(id, body, envelopeFrom(request, principal, this.clock())));
    if (!outcome.ok && outcome.rejection.field === 'checklist') {
      const checklist = await this.checklists.checklist(id);
      if (checklist) {
        const { message } = outcome.rejection;
        response.status(409);
        return { statusCode: 409, error: 'Conflict', message, issues: [{ path: 'checklist', message }], checklist };
      }
    }
    return this.dispatch.readable(outcome, id);
  }
}
