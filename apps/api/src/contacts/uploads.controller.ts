import { BadRequestException, ConflictException, Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, PayloadTooLargeException, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { isContactImportError, previewOf } from '@textbank/contact-import';
import { ColumnMappingSchema, UploadPreview, UploadSummary } from '@textbank/contracts';
import { findUpload, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, STAFF } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { envelopeFrom, newIdFrom } from '../commands/envelope-from-request.js';
import { acceptedOrThrow } from '../http/command-response.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { fileProblemToHttp } from './file-problem-to-http.js';
import { RejectsFiles } from './rejects-files.js';
import { limitedBody } from './limited-body.js';
import { UploadContactsCommand } from './upload-contacts/upload-contacts.command.js';
import type { UploadOutcome } from './upload-contacts/upload-contacts.handler.js';
import { campaignOrNotFound } from '../campaigns/campaign-or-not-found.js';

/** 200 MB: about a million rows of a typical voter file. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const PREVIEW_BYTES = 256 * 1024;
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream', 'text/tab-separated-values'];

class UploadPreviewDto extends createZodDto(UploadPreview) {}
class UploadSummaryDto extends createZodDto(UploadSummary) {}

/**
 * Uploads of contacts, as the browser sends them: the file itself as the
 * request body (never buffered whole), the column mapping in a header.
 */
@ApiTags('contacts')
@Controller('campaigns/:campaignId/uploads')
export class UploadsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly rejects: RejectsFiles,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The first rows and a guessed mapping, from the start of the file (the browser sends its first 256 KB). */
  @Post('preview')
  @Access(...STAFF)
  @ApiCreatedResponse({ type: UploadPreviewDto })
  async preview(@Param('campaignId', new ParseUUIDPipe()) campaignId: string, @Req() request: Request): Promise<UploadPreview> {
    campaignOrNotFound(this.readModels, campaignId);
    checkContentType(request);
    try {
      const preview = await previewOf(limitedBody(request, PREVIEW_BYTES, { truncate: true }));
      return { encoding: preview.encoding.encoding, delimiter: preview.delimiter, headers: [...preview.headers], rows: preview.rows.map((r) => ({ line: r.line, cells: [...r.cells] })), mapping: preview.guessedMapping as ColumnMappingSchema };
    } catch (error) {
      throw isContactImportError(error) ? fileProblemToHttp(error) : error;
    }
  }

  /**
   * The whole file, streamed; `Textbank-Mapping`: the mapping as JSON; `?fileName=`.
   * Answers once every row is checked and the contacts are visible, with the counts.
   * A file over 200 MB is a 413 before it is read (Content-Length) or as soon as it passes the limit.
   */
  @Post()
  @Access(...STAFF)
  @ApiCreatedResponse({ type: UploadSummaryDto })
  async upload(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Query('fileName') fileName: string | undefined,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UploadSummary> {
    campaignOrNotFound(this.readModels, campaignId);
    checkContentType(request);
    const declared = Number(request.header('content-length'));
    if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) throw new PayloadTooLargeException(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    const mapping = mappingFrom(request.header('textbank-mapping'));
    // A retried upload with the same Idempotency-Key is the same upload: it answers as the first did.
    const envelope = envelopeFrom(request, principal, this.clock());
    const uploadId = newIdFrom(envelope);
    const earlier = findUpload(this.readModels, uploadId);
    if (earlier?.status === 'completed' && earlier.counts) {
      request.resume(); // the same file again: not read a second time
      return { id: uploadId, position: this.projections.checkpoint().toString(), readable: true, counts: earlier.counts, reasons: { ...earlier.reasons } };
    }
    if (earlier) throw new ConflictException(earlier.status === 'started' ? 'This file is already being uploaded' : 'This upload was discarded; upload the file again');
    const name = (fileName ?? 'contacts.csv').slice(0, 200);
    let outcome: UploadOutcome;
    try {
      outcome = await this.commandBus.execute<UploadContactsCommand, UploadOutcome>(
        new UploadContactsCommand(uploadId, campaignId, principal.organization.id, name, mapping, limitedBody(request, MAX_UPLOAD_BYTES), Number.isFinite(declared) ? declared : null, envelope, request.header('idempotency-key') ?? null),
      );
    } catch (error) {
      throw isContactImportError(error) ? fileProblemToHttp(error) : error;
    }
    const accepted = acceptedOrThrow(outcome, uploadId);
    const readable = await this.projections.waitFor(BigInt(accepted.position), 60_000);
    const upload = findUpload(this.readModels, uploadId);
    const counts = outcome.counts ?? upload?.counts;
    if (!counts) throw new BadRequestException('This upload was not completed');
    return { ...accepted, readable, counts, reasons: outcome.reasons ?? upload?.reasons ?? {} };
  }

  /** The rows that did not become contacts, with their row numbers and reasons (cells defused against formula injection). */
  @Get(':uploadId/rejects.csv')
  @Access(...STAFF)
  @ApiOkResponse({ description: 'text/csv' })
  rejectsCsv(@Param('campaignId', new ParseUUIDPipe()) campaignId: string, @Param('uploadId', new ParseUUIDPipe()) uploadId: string, @Res() response: Response): void {
    const upload = findUpload(this.readModels, uploadId);
    const file = upload?.campaignId === campaignId ? this.rejects.open(uploadId) : undefined;
    if (!file) throw new NotFoundException('No rejected rows kept for this upload');
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="rejected-rows-${uploadId}.csv"`);
    file.pipe(response);
  }

}

function checkContentType(request: Request): void {
  const type = (request.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CSV_TYPES.includes(type)) throw new UnsupportedMediaTypeException(`Send the file as text/csv (got ${type || 'no content type'})`);
}

function mappingFrom(header: string | undefined): ColumnMappingSchema {
  if (!header) throw new BadRequestException({ message: 'Say how to read the columns (Textbank-Mapping header)', issues: [{ path: 'mapping', message: 'is required' }] });
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(header));
  } catch {
    throw new BadRequestException({ message: 'The mapping is not JSON', issues: [{ path: 'mapping', message: 'must be JSON' }] });
  }
  const parsed = ColumnMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: ['mapping', ...i.path].join('.'), message: i.message }));
    throw new BadRequestException({ message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });
  }
  return parsed.data;
}
