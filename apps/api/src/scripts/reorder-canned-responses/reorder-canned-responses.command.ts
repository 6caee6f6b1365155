import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class ReorderCannedResponsesCommand {
  constructor(
    readonly campaignId: string,
    readonly order: readonly string[],
    readonly envelope: CommandEnvelope,
  ) {}
}
