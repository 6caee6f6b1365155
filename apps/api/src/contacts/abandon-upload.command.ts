import type { CommandEnvelope } from '../commands/command-envelope.js';

export class AbandonUploadCommand {
  constructor(
    readonly uploadId: string,
    readonly reason: string,
    readonly envelope: CommandEnvelope,
  ) {}
}
