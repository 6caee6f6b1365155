import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class DeleteCannedResponseCommand {
  constructor(
    readonly campaignId: string,
    readonly responseId: string,
    readonly expectedVersion: number | undefined,
    readonly envelope: CommandEnvelope,
  ) {}
}
