import { BadRequestException, Body, Controller, Get, Inject, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { importRows, isContactImportError, PhoneNormaliser, previewOf } from '@textbank/contact-import';
import { AddOptOutRequest, CommandAccepted, OptOutPage, OptOutQuery } from '@textbank/contracts';
import { listOptOuts, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { fileProblemToHttp } from './file-problem-to-http.js';
import { limitedBody } from './limited-body.js';
import { OptOutPhonesCommand } from './opt-out-phones.command.js';
import { replayable } from './replayable.js';
import { MAX_UPLOAD_BYTES } from './uploads.controller.js';

class AddOptOutDto extends createZodDto(AddOptOutRequest) {}
class OptOutQueryDto extends createZodDto(OptOutQuery) {}
class OptOutPageDto extends createZodDto(OptOutPage) {}
class CommandAcceptedDto extends createZodDto(CommandAccepted) {}

/** Numbers this organization must never text, in any campaign, until they opt back in. */
@ApiTags('contacts')
@Controller('opt-outs')
export class OptOutsController {
  private readonly phones = new PhoneNormaliser();

  constructor(
    private readonly commandBus: CommandBus,
    private readonly dispatch: CommandDispatch,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access(...READERS)
  @ApiOkResponse({ type: OptOutPageDto })
  list(@Query() query: OptOutQueryDto, @CurrentPrincipal() principal: Principal): OptOutPage {
    const position = this.projections.checkpoint().toString();
    return { ...listOptOuts(this.readModels, principal.organization.id, { ...(query.search && { search: query.search }), limit: query.limit, offset: query.offset }), position };
  }

  /** One number, as people write it (US unless it starts with +). */
  @Post()
  @Access(...STAFF)
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  add(@Body() body: AddOptOutDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const phone = this.phones.normalise(body.phone);
    if (!phone.ok) throw new BadRequestException({ message: phone.message, issues: [{ path: 'phone', message: phone.message }] });
    return this.dispatch.accepted(new OptOutPhonesCommand(principal.organization.id, [phone.e164], 'manual', envelopeFrom(request, principal, this.clock())), phone.e164);
  }

  /** A CSV of numbers (from Spoke or elsewhere): the phone column is found by its header or its values. */
  @Post('import')
  @Access(...STAFF)
  @ApiCreatedResponse({ description: 'How many numbers were added and how many rows were not numbers' })
  async import(@CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<{ position: string; readable: boolean; added: number; invalid: number }> {
    const body = replayable(limitedBody(request, MAX_UPLOAD_BYTES));
    const phones: string[] = [];
    let invalid = 0;
    try {
      const { guessedMapping } = await previewOf(body.peek(256 * 1024));
      const onlyPhone = { headers: guessedMapping.headers, columns: guessedMapping.columns.map((role) => (role.kind === 'field' && role.field === 'phone' ? role : { kind: 'ignore' as const })) };
      for await (const batch of importRows(body.replay(), onlyPhone)) {
        phones.push(...batch.accepted.map((row) => row.phone));
        invalid += batch.rejected.filter((row) => row.reason !== 'duplicate_in_file').length;
      }
    } catch (error) {
      throw isContactImportError(error) ? fileProblemToHttp(error) : error;
    }
    const outcome = await this.commandBus.execute<OptOutPhonesCommand, CommandOutcome>(
      new OptOutPhonesCommand(principal.organization.id, phones, 'import', envelopeFrom(request, principal, this.clock(), { honourKey: false })),
    );
    const accepted = await this.dispatch.readable(outcome, principal.organization.id);
    return { position: accepted.position, readable: accepted.readable, added: phones.length, invalid };
  }
}
