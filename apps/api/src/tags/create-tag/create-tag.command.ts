import type { CreateTagRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class CreateTagCommand {
  constructor(
    readonly tagId: string,
    readonly organizationId: string,
    readonly request: CreateTagRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
