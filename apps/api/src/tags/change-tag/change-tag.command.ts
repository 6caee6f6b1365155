import type { ChangeTagRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class ChangeTagCommand {
  constructor(
    readonly tagId: string,
    readonly organizationId: string,
    readonly request: ChangeTagRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
