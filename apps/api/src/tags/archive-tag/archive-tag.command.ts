import type { ArchiveTagRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class ArchiveTagCommand {
  constructor(
    readonly tagId: string,
    readonly organizationId: string,
    readonly request: ArchiveTagRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
