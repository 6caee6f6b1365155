import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { importRows, isContactImportError, rejectsCsvHeader, rejectsCsvLines, type ImportBatch, type RejectedRow } from '@textbank/contact-import';
import { contactUploadDecider, contactUploadStream, type ContactUploadCommand, type UploadCounts, type UploadedContact } from '@textbank/domain';
import { eventIdFor } from '@textbank/event-store';
import { existingContactIds, optedOutAmong } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import type { CommandEnvelope } from '../../commands/command-envelope.js';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { READ_MODEL_DB } from '../../infrastructure/tokens.js';
import { ActiveUploads } from '../active-uploads.js';
import { RejectsFiles } from '../rejects-files.js';
import { UploadProgressFeed } from '../upload-progress-feed.js';
import { domainMappingOf } from './domain-mapping.js';
import { UploadContactsCommand } from './upload-contacts.command.js';

export type UploadOutcome = CommandOutcome & { readonly counts?: UploadCounts; readonly reasons?: Record<string, number> };

/** A contact's id: one per number per campaign, however often it is uploaded. */
export const contactIdOf = (campaignId: string, phone: string) => eventIdFor(`contact:${campaignId}:${phone}`, 0);

const PROGRESS_EVERY_MS = 250;

/**
 * Streams one file into a campaign: the upload's stream is started, each
 * batch of checked rows becomes one ContactsChunkAccepted (numbers already in
 * the campaign or on the opt-out list counted, not recorded again), rejected
 * rows go to the rejects CSV, and the upload completes with counts that must
 * add up to the chunks. Nothing is visible before the completion; a file that
 * turns out unreadable half-way is abandoned with its reason.
 */
@CommandHandler(UploadContactsCommand)
export class UploadContactsHandler implements ICommandHandler<UploadContactsCommand, UploadOutcome> {
  private readonly logger = new Logger(UploadContactsHandler.name);

  constructor(
    private readonly executor: CommandExecutor,
    private readonly active: ActiveUploads,
    private readonly rejectsFiles: RejectsFiles,
    private readonly progress: UploadProgressFeed,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  async execute(command: UploadContactsCommand): Promise<UploadOutcome> {
    const { uploadId, campaignId, organizationId, fileName, mapping, envelope } = command;
    const started = await this.run(command, envelope, {
      type: 'StartContactUpload', uploadId, campaignId, organizationId, fileName, mapping: domainMappingOf(mapping), now: envelope.now.toISOString(),
    }, 0);
    if (!started.ok) return started;
    this.active.begin(uploadId);
    const rejects = this.rejectsFiles.create(uploadId);
    try {
      return await this.read(command, rejects);
    } catch (error) {
      const reason = isContactImportError(error) ? error.message : 'the file could not be read to the end';
      if (!isContactImportError(error)) this.logger.warn({ uploadId, error: String(error) }, 'upload failed');
      await this.run(command, envelope, { type: 'AbandonContactUpload', uploadId, reason, now: new Date(envelope.now.getTime() + 1).toISOString() }, 1);
      this.publish(command, 'failed', undefined, 0);
      throw error;
    } finally {
      this.active.end(uploadId);
      rejects.end();
    }
  }

  private async read(command: UploadContactsCommand, rejects: WriteStream): Promise<UploadOutcome> {
    const { uploadId, campaignId, organizationId, envelope } = command;
    await write(rejects, rejectsCsvHeader(command.mapping.headers));
    let chunk = 0;
    let accepted = 0;
    let alreadyIn = 0;
    let optedOut = 0;
    let last: ImportBatch | undefined;
    let lastPublished = 0;
    for await (const batch of importRows(command.bytes, command.mapping)) {
      last = batch;
      const ids = batch.accepted.map((row) => contactIdOf(campaignId, row.phone));
      const existing = existingContactIds(this.readModels, ids);
      const blocked = optedOutAmong(this.readModels, organizationId, batch.accepted.map((row) => row.phone));
      const contacts: UploadedContact[] = [];
      const skipped: RejectedRow[] = [];
      batch.accepted.forEach((row, index) => {
        const contactId = ids[index]!;
        if (blocked.has(row.phone)) {
          optedOut++;
          skipped.push(skippedRow(row.row, 'opted_out', `Row ${row.row}: ${row.phone} is on the opt-out list`));
        } else if (existing.has(contactId)) {
          alreadyIn++;
          skipped.push(skippedRow(row.row, 'already_in_campaign', `Row ${row.row}: ${row.phone} is already in this campaign`));
        } else {
          contacts.push({
            contactId, phone: row.phone, firstName: row.firstName, lastName: row.lastName, zip: row.zip, timeZone: row.timeZone,
            externalId: row.externalId, fields: row.customFields,
          });
        }
      });
      if (contacts.length > 0) {
        const recorded = await this.run(command, envelope, { type: 'AcceptContactsChunk', uploadId, chunk, contacts }, 2 + chunk);
        if (!recorded.ok) return recorded;
        chunk++;
        accepted += contacts.length;
      }
      if (batch.rejected.length + skipped.length > 0) await write(rejects, rejectsCsvLines([...batch.rejected, ...skipped]));
      if (Date.now() - lastPublished > PROGRESS_EVERY_MS) {
        lastPublished = Date.now();
        this.publish(command, 'reading', batch, accepted);
      }
    }
    const progress = last!.progress;
    const counts: UploadCounts = { rows: progress.rowsSeen, accepted, invalid: progress.invalid, duplicate: progress.duplicates + alreadyIn, optedOut };
    const reasons: Record<string, number> = { ...progress.byReason, ...(alreadyIn && { already_in_campaign: alreadyIn }), ...(optedOut && { opted_out: optedOut }) };
    this.publish(command, 'storing', last, accepted);
    const completed = await this.run(command, envelope, { type: 'CompleteContactUpload', uploadId, counts, reasons, now: new Date(envelope.now.getTime() + 1).toISOString() }, 1);
    if (!completed.ok) return completed;
    this.publish(command, 'done', last, accepted);
    return { ...completed, counts, reasons };
  }

  /** Each command of the upload gets its own id, derived from the upload's, so a retried step is recognised. */
  private run(command: UploadContactsCommand, envelope: CommandEnvelope, decided: ContactUploadCommand, step: number) {
    return this.executor.execute({
      stream: contactUploadStream(command.uploadId),
      decider: contactUploadDecider,
      command: decided,
      envelope: { ...envelope, commandId: eventIdFor(envelope.commandId, step), keyed: false },
    });
  }

  private publish(command: UploadContactsCommand, phase: 'reading' | 'storing' | 'done' | 'failed', batch: ImportBatch | undefined, accepted: number) {
    const p = batch?.progress;
    this.progress.publish(command.organizationId, {
      uploadId: command.uploadId,
      campaignId: command.campaignId,
      key: command.clientKey,
      phase,
      bytesRead: p?.bytesRead ?? 0,
      totalBytes: command.totalBytes,
      rowsSeen: p?.rowsSeen ?? 0,
      accepted,
      rejected: p ? p.rowsSeen - accepted : 0,
    });
  }
}

/** A row checked fine but not taken (already in the campaign, or opted out), in the rejects CSV with the others. */
function skippedRow(row: number, reason: string, message: string): RejectedRow {
  return { row, reason: reason as RejectedRow['reason'], message, cells: [] };
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
