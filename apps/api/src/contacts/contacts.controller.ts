import { Controller, Delete, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandAccepted, ContactPage, ContactQuery, ContactSummary, UploadList } from '@textbank/contracts';
import { isTextingWindowOpen } from '@textbank/domain';
import { contactsByTimeZone, findContacts, findUpload, listUploads, type ProjectionRunner, type UploadRecord } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { AbandonUploadCommand } from './abandon-upload.command.js';
import { ActiveUploads } from './active-uploads.js';
import { campaignOrNotFound } from '../campaigns/campaign-or-not-found.js';

class ContactQueryDto extends createZodDto(ContactQuery) {}
class ContactPageDto extends createZodDto(ContactPage) {}
class ContactSummaryDto extends createZodDto(ContactSummary) {}
class UploadListDto extends createZodDto(UploadList) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/** A campaign's contacts and the uploads that brought them. */
@ApiTags('contacts')
@Controller('campaigns/:campaignId')
export class ContactsController {
  constructor(
    private readonly dispatch: CommandDispatch,
    private readonly active: ActiveUploads,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('contacts')
  @Access(...READERS)
  @ApiOkResponse({ type: ContactPageDto })
  contacts(@Param('campaignId', new ParseUUIDPipe()) campaignId: string, @Query() query: ContactQueryDto): ContactPage {
    campaignOrNotFound(this.readModels, campaignId);
    const position = this.projections.checkpoint().toString();
    const page = findContacts(this.readModels, campaignId, {
      ...(query.search && { search: query.search }),
      ...(query.timeZone && { timeZone: query.timeZone === 'none' ? null : query.timeZone }),
      ...(query.zip && { zip: query.zip }),
      ...(query.field && query.value !== undefined && { field: { key: query.field, value: query.value } }),
      limit: query.limit,
      offset: query.offset,
    });
    return { ...page, position };
  }

  /** Totals by time zone, and how many contacts' texting window is open right now (by the campaign's hours). */
  @Get('contacts/summary')
  @Access(...READERS)
  @ApiOkResponse({ type: ContactSummaryDto })
  summary(@Param('campaignId', new ParseUUIDPipe()) campaignId: string): ContactSummary {
    const campaign = campaignOrNotFound(this.readModels, campaignId);
    const position = this.projections.checkpoint().toString();
    const now = this.clock();
    const byTimeZone = contactsByTimeZone(this.readModels, campaignId).map((zone) => ({ ...zone, openNow: isTextingWindowOpen(zone.timeZone, campaign.textingHours, now) }));
    return {
      total: byTimeZone.reduce((sum, zone) => sum + zone.count, 0),
      byTimeZone,
      openNow: byTimeZone.filter((zone) => zone.openNow).reduce((sum, zone) => sum + zone.count, 0),
      position,
    };
  }

  @Get('uploads')
  @Access(...READERS)
  @ApiOkResponse({ type: UploadListDto })
  uploads(@Param('campaignId', new ParseUUIDPipe()) campaignId: string): UploadList {
    campaignOrNotFound(this.readModels, campaignId);
    const position = this.projections.checkpoint().toString();
    return { uploads: listUploads(this.readModels, campaignId).map((u) => this.viewOf(u)), position };
  }

  /** Discards an interrupted upload (nothing of it was ever shown). */
  @Delete('uploads/:uploadId')
  @Access(...STAFF)
  @ApiOkResponse({ type: CommandAcceptedDto })
  abandon(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('uploadId', new ParseUUIDPipe()) uploadId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ) {
    const upload = findUpload(this.readModels, uploadId);
    if (!upload || upload.campaignId !== campaignId) throw new NotFoundException('No such upload in this campaign');
    return this.dispatch.accepted(new AbandonUploadCommand(uploadId, `discarded by ${principal.person.name}`, envelopeFrom(request, principal, this.clock())), uploadId);
  }

  private viewOf(upload: UploadRecord) {
    return { ...upload, interrupted: upload.status === 'started' && !this.active.isReading(upload.id) };
  }

}
