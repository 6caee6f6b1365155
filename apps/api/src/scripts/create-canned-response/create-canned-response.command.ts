import type { CreateCannedResponseRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class CreateCannedResponseCommand {
  constructor(
    readonly campaignId: string,
    readonly responseId: string,
    readonly request: CreateCannedResponseRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
