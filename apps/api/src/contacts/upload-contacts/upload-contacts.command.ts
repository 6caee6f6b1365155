import type { ColumnMappingSchema } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

/** One CSV file, streamed: read, checked and recorded in chunks, then completed. */
export class UploadContactsCommand {
  constructor(
    readonly uploadId: string,
    readonly campaignId: string,
    readonly organizationId: string,
    readonly fileName: string,
    readonly mapping: ColumnMappingSchema,
    readonly bytes: AsyncIterable<Uint8Array>,
    readonly totalBytes: number | null,
    readonly envelope: CommandEnvelope,
    /** The client's Idempotency-Key, echoed in progress events so its browser can tell its own upload apart. */
    readonly clientKey: string | null = null,
  ) {}
}
