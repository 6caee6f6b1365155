import type { EditCannedResponseRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class EditCannedResponseCommand {
  constructor(
    readonly campaignId: string,
    readonly responseId: string,
    readonly request: EditCannedResponseRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
